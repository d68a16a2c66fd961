package dev.yubin.protocol.smtp;

import dev.yubin.protocol.DialogueScript;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Plays every script under {@code dialogues/smtp/} against a fresh in-memory backend. */
class SmtpDialogueTest {

  private static final String FOLDER = "/dialogues/smtp/";

  static Stream<String> scripts() throws IOException, URISyntaxException {
    Path folder = Path.of(SmtpDialogueTest.class.getResource(FOLDER).toURI());
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .map(file -> file.getFileName().toString())
          .filter(name -> name.endsWith(".txt"))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scripts")
  void dialogue(String script) {
    SmtpSessionFactory factory = TestSmtp.factory(new InMemorySmtpBackend());
    DialogueScript.load(FOLDER + script).run(() -> factory.newSession(TestSmtp.CONNECTION));
  }
}
