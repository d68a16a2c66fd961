package dev.yubin.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CrlfInputStreamTest {

  private static String normalized(InputStream in) throws IOException {
    return new String(new CrlfInputStream(in).readAllBytes(), StandardCharsets.ISO_8859_1);
  }

  private static InputStream bytes(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  /** One octet per read, so that every CR meets its LF across reads. */
  private static InputStream trickle(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, 1));
      }
    };
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "a\\r\\nb\\r\\n|a\\r\\nb\\r\\n",
        "a\\nb|a\\r\\nb",
        "a\\rb|a\\r\\nb",
        "x\\r.\\ry|x\\r\\n.\\r\\ny",
        "\\r\\r\\n\\n\\n|\\r\\n\\r\\n\\r\\n\\r\\n",
        "ends in cr\\r|ends in cr\\r\\n",
        "\\n|\\r\\n",
        "no end|no end"
      })
  void everyLineEndBecomesCrlf(String content, String expected) throws IOException {
    String in = content.replace("\\r", "\r").replace("\\n", "\n");
    String out = expected.replace("\\r", "\r").replace("\\n", "\n");
    assertThat(normalized(bytes(in))).isEqualTo(out);
    assertThat(normalized(trickle(in))).isEqualTo(out);
  }

  @Test
  void aCrAtTheEndOfOneBufferMeetsItsLfInTheNext() throws IOException {
    String content = "x".repeat(8191) + "\r\n" + "y".repeat(8190) + "\r\rz";
    assertThat(normalized(bytes(content)))
        .isEqualTo("x".repeat(8191) + "\r\n" + "y".repeat(8190) + "\r\n\r\nz");
  }

  @Test
  void withDotStuffingACrDotCrCannotEndTheMessage() throws IOException {
    InputStream wire = new DotStuffingInputStream(new CrlfInputStream(bytes("a\r.\rb\n.\n")));
    assertThat(new String(wire.readAllBytes(), StandardCharsets.ISO_8859_1))
        .isEqualTo("a\r\n..\r\nb\r\n..\r\n.\r\n");
  }

  @Test
  void byteAtATimeReadsGiveTheSameResult() throws IOException {
    CrlfInputStream in = new CrlfInputStream(bytes("a\rb\nc\r"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0) {
      out.write(b);
    }
    assertThat(out.toString(StandardCharsets.ISO_8859_1)).isEqualTo("a\r\nb\r\nc\r\n");
    assertThat(in.read()).isEqualTo(-1);
  }
}
