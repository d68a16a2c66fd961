package dev.yubin.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.protocol.LineAssembler.Line;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineAssemblerTest {

  private final List<Line> lines = new ArrayList<>();

  private void feed(LineAssembler assembler, String wire) {
    byte[] bytes = wire.getBytes(StandardCharsets.ISO_8859_1);
    assembler.feed(bytes, 0, bytes.length, lines::add);
  }

  private static String text(Line line) {
    return new String(line.bytes(), StandardCharsets.ISO_8859_1);
  }

  @Test
  void splitsCrlfLinesAcrossChunks() {
    LineAssembler assembler = new LineAssembler(100);
    feed(assembler, "EHLO a");
    feed(assembler, ".test\r");
    feed(assembler, "\nNOOP\r\nQU");
    assertThat(lines).extracting(LineAssemblerTest::text).containsExactly("EHLO a.test", "NOOP");
    assertThat(lines).allMatch(l -> l.terminated() && l.crlf());
    assertThat(assembler.pending()).isEqualTo(2);
  }

  @Test
  void reportsBareLf() {
    LineAssembler assembler = new LineAssembler(100);
    feed(assembler, "a\nb\r\n");
    assertThat(lines.get(0).crlf()).isFalse();
    assertThat(lines.get(1).crlf()).isTrue();
  }

  @Test
  void bareCrStaysInTheLine() {
    LineAssembler assembler = new LineAssembler(100);
    feed(assembler, "a\rb\r\n");
    assertThat(text(lines.get(0))).isEqualTo("a\rb");
  }

  @Test
  void overlongLineComesInBoundedPieces() {
    LineAssembler assembler = new LineAssembler(4);
    feed(assembler, "abcdefghij\r\n");
    assertThat(lines).extracting(LineAssemblerTest::text).containsExactly("abcd", "efgh", "ij");
    assertThat(lines).extracting(Line::terminated).containsExactly(false, false, true);
  }

  @Test
  void crAtTheLimitIsKeptForTheFollowingLf() {
    LineAssembler assembler = new LineAssembler(4);
    feed(assembler, "abcd\r\n");
    assertThat(lines).extracting(LineAssemblerTest::text).containsExactly("abcd");
    assertThat(lines.get(0).crlf()).isTrue();
  }
}
