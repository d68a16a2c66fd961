package dev.yubin.protocol.imap;

import dev.yubin.protocol.ConnectionInfo;
import dev.yubin.protocol.DialogueScript;
import dev.yubin.protocol.sasl.AuthFailureLimiter;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Plays every dialogue in {@code dialogues/imap/} against a fresh {@link
 * InMemoryImapBackend#standard()} backend, host {@code imap.test}, client on loopback.
 */
class ImapDialogueTest {

  private static final String FOLDER = "/dialogues/imap";
  private static final ConnectionInfo CONNECTION =
      new ConnectionInfo("127.0.0.1", 40000, "127.0.0.1", 143, false);

  static List<String> scripts() throws IOException, URISyntaxException {
    Path folder = Path.of(ImapDialogueTest.class.getResource(FOLDER).toURI());
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
    ImapSessionFactory factory =
        new ImapSessionFactory(
            ImapConfig.defaults("imap.test"),
            InMemoryImapBackend.standard(),
            AuthFailureLimiter.defaults());
    DialogueScript.load(FOLDER + "/" + script).run(() -> factory.newSession(CONNECTION));
  }
}
