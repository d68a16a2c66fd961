package dev.yubin.protocol.imap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.protocol.ConnectionInfo;
import dev.yubin.protocol.RecordingOutput;
import dev.yubin.protocol.sasl.AuthFailureLimiter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** AUTHENTICATE where scripts cannot go: a response line past the engine's line limit. */
class ImapAuthenticateTest {

  private final ImapConfig config =
      ImapConfig.defaults("imap.test").withLimits(20, 1024, 35L * 1024 * 1024);
  private final ImapSession session =
      new ImapSessionFactory(config, InMemoryImapBackend.standard(), AuthFailureLimiter.defaults())
          .newSession(new ConnectionInfo("127.0.0.1", 40000, "127.0.0.1", 143, false));
  private final RecordingOutput out = new RecordingOutput();

  private List<String> send(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    session.receive(bytes, 0, bytes.length, out);
    return out.takeLines();
  }

  @Test
  void aResponseLongerThanTheLineLimitEndsTheExchangeWithATaggedBad() {
    session.open(out);
    out.takeLines();
    assertThat(send("a1 AUTHENTICATE PLAIN\r\n")).containsExactly("+ ");

    assertThat(send("A".repeat(2000) + "\r\n"))
        .containsExactly("a1 BAD [TOOBIG] response line too long");

    assertThat(send("a2 AUTHENTICATE PLAIN AGFsaWNlAHNlY3JldA==\r\n"))
        .singleElement()
        .asString()
        .startsWith("a2 OK [CAPABILITY ");
  }
}
