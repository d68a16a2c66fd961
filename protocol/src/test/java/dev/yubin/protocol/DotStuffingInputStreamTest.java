package dev.yubin.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DotStuffingInputStreamTest {

  private static InputStream stuffed(String content) {
    return new DotStuffingInputStream(
        new ByteArrayInputStream(content.getBytes(StandardCharsets.ISO_8859_1)));
  }

  private static String readAll(InputStream in) throws IOException {
    return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
  }

  private static String readByteByByte(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0) {
      out.write(b);
    }
    return out.toString(StandardCharsets.ISO_8859_1);
  }

  @Test
  void passesPlainLinesAndAppendsTerminator() throws IOException {
    assertThat(readAll(stuffed("Subject: hi\r\n\r\nbody\r\n")))
        .isEqualTo("Subject: hi\r\n\r\nbody\r\n.\r\n");
  }

  @Test
  void doublesLeadingDotsOnly() throws IOException {
    assertThat(readAll(stuffed(".\r\n..two\r\na.b\r\n.x\r\n")))
        .isEqualTo("..\r\n...two\r\na.b\r\n..x\r\n.\r\n");
  }

  @Test
  void stuffsADotAtTheVeryStart() throws IOException {
    assertThat(readAll(stuffed(".first"))).isEqualTo("..first\r\n.\r\n");
  }

  @Test
  void addsCrlfWhenContentDoesNotEndWithOne() throws IOException {
    assertThat(readAll(stuffed("no newline"))).isEqualTo("no newline\r\n.\r\n");
    assertThat(readAll(stuffed("ends in cr\r"))).isEqualTo("ends in cr\r\r\n.\r\n");
    assertThat(readAll(stuffed("ends in bare lf\n"))).isEqualTo("ends in bare lf\n\r\n.\r\n");
  }

  @Test
  void emptyContentIsJustTheTerminator() throws IOException {
    assertThat(readAll(stuffed(""))).isEqualTo(".\r\n");
  }

  @Test
  void stuffsAfterBareLfSoThatNoLenientClientSeesATerminator() throws IOException {
    assertThat(readAll(stuffed("a\n.\r\nb\r\n"))).isEqualTo("a\n..\r\nb\r\n.\r\n");
  }

  @Test
  void byteAtATimeReadsGiveTheSameResult() throws IOException {
    String content = ".a\r\nb\r\n..c\r\n.";
    assertThat(readByteByByte(stuffed(content))).isEqualTo(readAll(stuffed(content)));
    assertThat(readByteByByte(stuffed(content))).isEqualTo("..a\r\nb\r\n...c\r\n..\r\n.\r\n");
  }

  @Test
  void sourceDeliveringOneByteAtATimeIsHandled() throws IOException {
    InputStream trickle =
        new ByteArrayInputStream(".x\r\n.y".getBytes(StandardCharsets.US_ASCII)) {
          @Override
          public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, 1));
          }
        };
    assertThat(readAll(new DotStuffingInputStream(trickle))).isEqualTo("..x\r\n..y\r\n.\r\n");
  }

  @Test
  void largeContentStreamsWithEveryLineStuffed() throws IOException {
    StringBuilder content = new StringBuilder();
    StringBuilder expected = new StringBuilder();
    for (int i = 0; i < 50_000; i++) {
      String line = (i % 3 == 0 ? "." : "") + "line " + i + "\r\n";
      content.append(line);
      expected.append(line.startsWith(".") ? "." + line : line);
    }
    expected.append(".\r\n");

    InputStream in = stuffed(content.toString());
    byte[] chunk = new byte[1000];
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int count;
    while ((count = in.read(chunk, 0, chunk.length)) > 0) {
      assertThat(count).isLessThanOrEqualTo(chunk.length);
      out.write(chunk, 0, count);
    }
    assertThat(out.toString(StandardCharsets.ISO_8859_1)).isEqualTo(expected.toString());
  }

  @Test
  void keepsReturningEndOfStream() throws IOException {
    InputStream in = stuffed("x\r\n");
    in.readAllBytes();
    assertThat(in.read()).isEqualTo(-1);
    assertThat(in.read(new byte[4], 0, 4)).isEqualTo(-1);
    assertThat(in.read(new byte[4], 0, 0)).isZero();
  }

  @Test
  void closeClosesTheContent() throws IOException {
    boolean[] closed = {false};
    InputStream content =
        new ByteArrayInputStream(new byte[0]) {
          @Override
          public void close() {
            closed[0] = true;
          }
        };
    new DotStuffingInputStream(content).close();
    assertThat(closed[0]).isTrue();
  }
}
