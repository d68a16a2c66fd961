package dev.yubin.protocol.pop3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.protocol.ConnectionInfo;
import dev.yubin.protocol.DialogueScript;
import dev.yubin.protocol.sasl.AuthFailureLimiter;
import dev.yubin.protocol.sasl.TestSasl;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Plays every dialogue in {@code dialogues/pop3/} against a fresh {@link
 * InMemoryPop3Backend#standard()} backend, with the default configuration for host {@code
 * pop.test}, from a client on another machine. SCRAM-SHA-256's server nonce is always {@code
 * servernonce}. The scripts in {@code dialogues/e2e/pop3/} also run against the real server (e2e
 * {@code DialogueIT}): here they start with alice's empty maildrop, STLS offered, client on
 * loopback.
 */
class Pop3DialogueTest {

  private static final String FOLDER = "/dialogues/pop3";
  private static final String TLS_FOLDER = "/dialogues/pop3-tls";
  private static final String E2E_FOLDER = "/dialogues/e2e/pop3";
  private static final ConnectionInfo LOOPBACK =
      new ConnectionInfo("127.0.0.1", 40000, "127.0.0.1", 110, false);
  private static final ConnectionInfo CONNECTION =
      new ConnectionInfo("192.0.2.7", 40000, "192.0.2.1", 110, false);

  static List<String> scripts() {
    return DialogueScript.list(FOLDER);
  }

  static List<String> tlsScripts() {
    return DialogueScript.list(TLS_FOLDER);
  }

  static List<String> e2eScripts() {
    return DialogueScript.list(E2E_FOLDER);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scripts")
  void dialogue(String script) {
    play(FOLDER + "/" + script, Pop3Config.defaults("pop.test"));
  }

  /** The dialogues in {@code dialogues/pop3-tls/}: STLS offered, no cleartext login from afar. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("tlsScripts")
  void tlsDialogue(String script) {
    play(TLS_FOLDER + "/" + script, Pop3Config.defaults("pop.test").withTls(true, false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("e2eScripts")
  void e2eDialogue(String script) {
    InMemoryPop3Backend backend = new InMemoryPop3Backend().account("alice", "secret");
    Pop3SessionFactory factory =
        new Pop3SessionFactory(
            Pop3Config.defaults("pop.test").withTls(true, false),
            backend,
            AuthFailureLimiter.defaults());
    AtomicInteger uids = new AtomicInteger();
    DialogueScript.load(E2E_FOLDER + "/" + script)
        .with("user", "alice")
        .with("password", "secret")
        .with("host", "pop.test")
        .run(
            DialogueScript.engine(
                () -> factory.newSession(LOOPBACK),
                message ->
                    backend.message(
                        "alice",
                        "uid-" + uids.incrementAndGet(),
                        new String(message, StandardCharsets.UTF_8))));
  }

  private static void play(String script, Pop3Config config) {
    Pop3SessionFactory factory =
        new Pop3SessionFactory(
            config,
            InMemoryPop3Backend.standard(),
            AuthFailureLimiter.defaults(),
            TestSasl.withServerNonce("servernonce"));
    DialogueScript.load(script).run(() -> factory.newSession(CONNECTION));
  }

  @Test
  void scriptsAreFound() {
    assertThat(scripts()).hasSizeGreaterThanOrEqualTo(15).contains("capa.txt", "auth.txt");
    assertThat(e2eScripts()).isNotEmpty();
    assertThat(tlsScripts()).contains("stls.txt", "stls-injection.txt", "auth-cleartext.txt");
  }
}
