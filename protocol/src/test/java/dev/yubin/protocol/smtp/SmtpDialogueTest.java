package dev.yubin.protocol.smtp;

import dev.yubin.protocol.DialogueScript;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Plays every script under {@code dialogues/smtp/} against a fresh in-memory backend. The name's
 * prefix picks the configuration: {@code starttls_} has STARTTLS, {@code submission_} is the
 * submission policy, {@code auth_cleartext_} offers AUTH without TLS; the rest is the MX port.
 */
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
    SmtpConfig config;
    if (script.startsWith("starttls_")) {
      config = TestSmtp.tlsConfig();
    } else if (script.startsWith("submission_")) {
      config = TestSmtp.submissionConfig();
    } else if (script.startsWith("auth_cleartext_")) {
      config = TestSmtp.cleartextAuthConfig();
    } else {
      config = TestSmtp.config();
    }
    SmtpSessionFactory factory = new SmtpSessionFactory(config, new InMemorySmtpBackend());
    DialogueScript.load(FOLDER + script).run(() -> factory.newSession(TestSmtp.CONNECTION));
  }
}
