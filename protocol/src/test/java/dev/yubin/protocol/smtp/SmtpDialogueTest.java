package dev.yubin.protocol.smtp;

import dev.yubin.protocol.ConnectionInfo;
import dev.yubin.protocol.DialogueScript;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Plays every script under {@code dialogues/smtp/} against a fresh in-memory backend. The name's
 * prefix picks the configuration: {@code starttls_} has STARTTLS, {@code submission_} is the
 * submission policy, {@code auth_cleartext_} offers AUTH without TLS; the rest is the MX port.
 */
class SmtpDialogueTest {

  private static final String FOLDER = "/dialogues/smtp";
  private static final String E2E_FOLDER = "/dialogues/e2e/smtp";
  private static final ConnectionInfo LOOPBACK =
      new ConnectionInfo("127.0.0.1", 40000, "127.0.0.1", 25, false);

  static List<String> scripts() {
    return DialogueScript.list(FOLDER);
  }

  static List<String> e2eScripts() {
    return DialogueScript.list(E2E_FOLDER);
  }

  /**
   * The scripts in {@code dialogues/e2e/smtp/}, which also run against the real server's MX port
   * (e2e {@code DialogueIT}): default limits, STARTTLS offered, client on loopback.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("e2eScripts")
  void e2eDialogue(String script) {
    SmtpSessionFactory factory =
        new SmtpSessionFactory(
            SmtpConfig.defaults(TestSmtp.HOSTNAME).withTlsAvailable(true),
            new InMemorySmtpBackend());
    DialogueScript.load(E2E_FOLDER + "/" + script)
        .with("address", "alice@" + InMemorySmtpBackend.LOCAL_DOMAIN)
        .with("domain", InMemorySmtpBackend.LOCAL_DOMAIN)
        .with("host", TestSmtp.HOSTNAME)
        .run(() -> factory.newSession(LOOPBACK));
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
    DialogueScript.load(FOLDER + "/" + script).run(() -> factory.newSession(TestSmtp.CONNECTION));
  }
}
