package dev.yubin.protocol.imap;

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
 * Plays every dialogue in {@code dialogues/imap/} against a fresh {@link
 * InMemoryImapBackend#standard()} backend, host {@code imap.test}, client on loopback; and those in
 * {@code dialogues/imap-remote/} with STARTTLS offered to a client on another machine, which may
 * not send passwords in clear. SCRAM-SHA-256's server nonce is always {@code servernonce}.
 */
class ImapDialogueTest {

  private static final String FOLDER = "/dialogues/imap";
  private static final String REMOTE_FOLDER = "/dialogues/imap-remote";
  private static final ConnectionInfo CONNECTION =
      new ConnectionInfo("127.0.0.1", 40000, "127.0.0.1", 143, false);
  private static final ConnectionInfo REMOTE =
      new ConnectionInfo("192.0.2.7", 40000, "192.0.2.1", 143, false);

  static List<String> scripts() throws IOException, URISyntaxException {
    return scriptsIn(FOLDER);
  }

  static List<String> remoteScripts() throws IOException, URISyntaxException {
    return scriptsIn(REMOTE_FOLDER);
  }

  private static List<String> scriptsIn(String resource) throws IOException, URISyntaxException {
    Path folder = Path.of(ImapDialogueTest.class.getResource(resource).toURI());
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
  void scriptsAreFound() throws IOException, URISyntaxException {
    assertThat(scripts()).contains("authenticate-plain.txt", "authenticate-scram.txt");
    assertThat(remoteScripts()).contains("authenticate-cleartext.txt");
  }
}
