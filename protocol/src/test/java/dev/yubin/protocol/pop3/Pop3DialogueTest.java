package dev.yubin.protocol.pop3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.protocol.ConnectionInfo;
import dev.yubin.protocol.DialogueScript;
import dev.yubin.protocol.sasl.AuthFailureLimiter;
import dev.yubin.protocol.sasl.TestSasl;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Plays every dialogue in {@code dialogues/pop3/} against a fresh {@link
 * InMemoryPop3Backend#standard()} backend, with the default configuration for host {@code
 * pop.test}, from a client on another machine. SCRAM-SHA-256's server nonce is always {@code
 * servernonce}.
 */
class Pop3DialogueTest {

  private static final String FOLDER = "/dialogues/pop3";
  private static final String TLS_FOLDER = "/dialogues/pop3-tls";
  private static final ConnectionInfo CONNECTION =
      new ConnectionInfo("192.0.2.7", 40000, "192.0.2.1", 110, false);

  static List<String> scripts() throws IOException, URISyntaxException {
    return scriptsIn(FOLDER);
  }

  static List<String> tlsScripts() throws IOException, URISyntaxException {
    return scriptsIn(TLS_FOLDER);
  }

  private static List<String> scriptsIn(String resource) throws IOException, URISyntaxException {
    Path folder = Path.of(Pop3DialogueTest.class.getResource(resource).toURI());
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .map(file -> file.getFileName().toString())
          .filter(name -> name.endsWith(".txt"))
          .sorted()
          .toList();
    }
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
  void scriptsAreFound() throws IOException, URISyntaxException {
    assertThat(scripts()).hasSizeGreaterThanOrEqualTo(15).contains("capa.txt", "auth.txt");
    assertThat(tlsScripts()).contains("stls.txt", "stls-injection.txt", "auth-cleartext.txt");
  }
}
