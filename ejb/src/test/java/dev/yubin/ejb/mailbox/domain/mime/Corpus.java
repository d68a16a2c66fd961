package dev.yubin.ejb.mailbox.domain.mime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The test corpus in src/test/resources/mime: messages and Dovecot's answers for them. */
final class Corpus {

  private Corpus() {}

  static Path directory() {
    try {
      return Path.of(Corpus.class.getResource("/mime/corpus").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The corpus messages' names, without {@code .eml}. */
  static Stream<String> names() {
    try (Stream<Path> files = Files.list(directory())) {
      List<String> names =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".eml"))
              .map(n -> n.substring(0, n.length() - 4))
              .sorted()
              .toList();
      return names.stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] message(String name) throws IOException {
    return Files.readAllBytes(directory().resolve(name + ".eml"));
  }

  static byte[] dovecot(String name) throws IOException {
    try (InputStream in = Corpus.class.getResourceAsStream("/mime/dovecot/" + name + ".txt")) {
      return in.readAllBytes();
    }
  }

  static ParsedMessage parse(String name) throws IOException {
    return new MimeStructureParser().parse(new java.io.ByteArrayInputStream(message(name)));
  }
}
