package dev.yubin.protocol.imap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.protocol.ConnectionInfo;
import dev.yubin.protocol.DialogueScript;
import dev.yubin.protocol.sasl.AuthFailureLimiter;
import dev.yubin.protocol.sasl.TestSasl;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Plays every dialogue in {@code dialogues/imap/} against a fresh {@link
 * InMemoryImapBackend#standard()} backend, host {@code imap.test}, client on loopback; and those in
 * {@code dialogues/imap-remote/} with STARTTLS offered to a client on another machine, which may
 * not send passwords in clear. SCRAM-SHA-256's server nonce is always {@code servernonce}. The
 * scripts in {@code dialogues/e2e/imap/} also run against the real server (e2e {@code DialogueIT}):
 * here they start with alice's empty INBOX, STARTTLS offered, client on loopback.
 */
class ImapDialogueTest {

  private static final String FOLDER = "/dialogues/imap";
  private static final String REMOTE_FOLDER = "/dialogues/imap-remote";
  private static final String E2E_FOLDER = "/dialogues/e2e/imap";
  private static final ConnectionInfo CONNECTION =
      new ConnectionInfo("127.0.0.1", 40000, "127.0.0.1", 143, false);
  private static final ConnectionInfo REMOTE =
      new ConnectionInfo("192.0.2.7", 40000, "192.0.2.1", 143, false);

  static List<String> scripts() {
    return DialogueScript.list(FOLDER);
  }

  static List<String> remoteScripts() {
    return DialogueScript.list(REMOTE_FOLDER);
  }

  static List<String> e2eScripts() {
    return DialogueScript.list(E2E_FOLDER);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scripts")
  void dialogue(String script) {
    play(FOLDER + "/" + script, ImapConfig.defaults("imap.test"), CONNECTION);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("remoteScripts")
  void remoteDialogue(String script) {
    play(
        REMOTE_FOLDER + "/" + script,
        ImapConfig.defaults("imap.test").withTls(true, false),
        REMOTE);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("e2eScripts")
  void e2eDialogue(String script) {
    InMemoryImapBackend backend = new InMemoryImapBackend("alice", "secret");
    ImapSessionFactory factory =
        new ImapSessionFactory(
            ImapConfig.defaults("imap.test").withTls(true, false),
            backend,
            AuthFailureLimiter.defaults());
    DialogueScript.load(E2E_FOLDER + "/" + script)
        .with("user", "alice")
        .with("password", "secret")
        .with("host", "imap.test")
        .run(
            DialogueScript.engine(
                () -> factory.newSession(CONNECTION),
                message ->
                    backend.deliver(
                        "INBOX", new String(message, StandardCharsets.UTF_8), Set.of())));
  }

  private static void play(String script, ImapConfig config, ConnectionInfo connection) {
    ImapSessionFactory factory =
        new ImapSessionFactory(
            config,
            InMemoryImapBackend.standard(),
            AuthFailureLimiter.defaults(),
            TestSasl.withServerNonce("servernonce"));
    DialogueScript.load(script).run(() -> factory.newSession(connection));
  }

  @Test
  void scriptsAreFound() {
    assertThat(scripts()).contains("authenticate-plain.txt", "authenticate-scram.txt");
    assertThat(remoteScripts()).contains("authenticate-cleartext.txt");
    assertThat(e2eScripts()).contains("login-select-fetch.txt");
  }
}
