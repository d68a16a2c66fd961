package dev.yubin.ejb.mailbox.domain.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package is domain code: no protocol engine types, no JPA, no CDI (ADR 0009, STYLE.md); the
 * text algorithms it shares with the engines (dev.yubin.protocol.text) are no engine types.
 */
class PackageBoundaryTest {

  @Test
  void importsNeitherTheProtocolEnginesNorTheContainer() throws Exception {
    Path sources = Path.of("src/main/java/dev/yubin/ejb/mailbox/domain/mime");
    List<String> imports;
    try (Stream<Path> files = Files.list(sources)) {
      imports =
          files
              .flatMap(
                  f -> {
                    try {
                      return Files.readAllLines(f).stream();
                    } catch (java.io.IOException e) {
                      throw new java.io.UncheckedIOException(e);
                    }
                  })
              .filter(l -> l.startsWith("import "))
              .toList();
    }
    assertThat(imports).isNotEmpty();
    assertThat(imports)
        .noneMatch(
            l ->
                l.startsWith("import dev.yubin.protocol")
                    && !l.startsWith("import dev.yubin.protocol.text."))
        .noneMatch(l -> l.startsWith("import jakarta."));
  }
}
