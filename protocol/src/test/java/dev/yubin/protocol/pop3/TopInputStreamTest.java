package dev.yubin.protocol.pop3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TopInputStreamTest {

  private static final String MESSAGE =
      "Subject: s\r\nFrom: a@b\r\n\r\nbody 1\r\nbody 2\r\nbody 3\r\n";

  private static String top(String content, long lines) throws IOException {
    return new String(open(content, lines).readAllBytes(), StandardCharsets.ISO_8859_1);
  }

  private static InputStream open(String content, long lines) {
    return new TopInputStream(
        new ByteArrayInputStream(content.getBytes(StandardCharsets.ISO_8859_1)), lines);
  }

  @Test
  void zeroLinesIsTheHeaderAndTheBlankLine() throws IOException {
    assertThat(top(MESSAGE, 0)).isEqualTo("Subject: s\r\nFrom: a@b\r\n\r\n");
  }

  @Test
  void passesTheFirstBodyLines() throws IOException {
    assertThat(top(MESSAGE, 2)).isEqualTo("Subject: s\r\nFrom: a@b\r\n\r\nbody 1\r\nbody 2\r\n");
  }

  @Test
  void moreLinesThanTheBodyHasIsTheWholeMessage() throws IOException {
    assertThat(top(MESSAGE, 99)).isEqualTo(MESSAGE);
    assertThat(top(MESSAGE, Long.MAX_VALUE)).isEqualTo(MESSAGE);
  }

  @Test
  void lastBodyLineWithoutCrlfIsPassed() throws IOException {
    assertThat(top("H: v\r\n\r\nonly", 1)).isEqualTo("H: v\r\n\r\nonly");
  }

  @Test
  void contentWithoutBlankLineIsAllHeader() throws IOException {
    assertThat(top("H: v\r\nI: w", 0)).isEqualTo("H: v\r\nI: w");
  }

  @Test
  void emptyContentGivesNothing() throws IOException {
    assertThat(top("", 5)).isEmpty();
  }

  @Test
  void bareLfEndsLinesToo() throws IOException {
    assertThat(top("H: v\n\nb1\nb2\n", 1)).isEqualTo("H: v\n\nb1\n");
  }

  @Test
  void emptyBodyLinesCount() throws IOException {
    assertThat(top("H: v\r\n\r\n\r\n\r\nx\r\n", 2)).isEqualTo("H: v\r\n\r\n\r\n\r\n");
  }

  @Test
  void byteAtATimeReadsStopAtTheSamePlace() throws IOException {
    InputStream in = open(MESSAGE, 1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0) {
      out.write(b);
    }
    assertThat(out.toString(StandardCharsets.ISO_8859_1))
        .isEqualTo("Subject: s\r\nFrom: a@b\r\n\r\nbody 1\r\n");
    assertThat(in.read()).isEqualTo(-1);
  }

  @Test
  void largeBodyIsCutWithoutReadingItAll() throws IOException {
    StringBuilder message = new StringBuilder("H: v\r\n\r\n");
    for (int i = 0; i < 100_000; i++) {
      message.append("line ").append(i).append("\r\n");
    }
    ByteArrayInputStream source =
        new ByteArrayInputStream(message.toString().getBytes(StandardCharsets.US_ASCII));
    InputStream top = new TopInputStream(source, 3);
    byte[] chunk = new byte[64];
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int count;
    while ((count = top.read(chunk, 0, chunk.length)) > 0) {
      out.write(chunk, 0, count);
    }
    assertThat(out.toString(StandardCharsets.US_ASCII))
        .isEqualTo("H: v\r\n\r\nline 0\r\nline 1\r\nline 2\r\n");
    assertThat(source.available()).as("the rest stays unread").isGreaterThan(1_000_000);
  }

  @Test
  void rejectsNegativeLineCount() {
    assertThatThrownBy(() -> open(MESSAGE, -1)).isInstanceOf(IllegalArgumentException.class);
  }
}
