package dev.yubin.protocol.imap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.protocol.ConnectionInfo;
import dev.yubin.protocol.RecordingOutput;
import dev.yubin.protocol.sasl.AuthFailureLimiter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What the session tells the transport about its deadline (ProtocolSession#idleTimeout). */
class ImapSessionDeadlineTest {

  private final ImapConfig config = ImapConfig.defaults("imap.test");
  private final ImapSession session =
      new ImapSessionFactory(config, InMemoryImapBackend.standard(), AuthFailureLimiter.defaults())
          .newSession(new ConnectionInfo("127.0.0.1", 40000, "127.0.0.1", 143, false));
  private final RecordingOutput out = new RecordingOutput();

  private void send(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    session.receive(bytes, 0, bytes.length, out);
  }

  @Test
  void anAppendedMessageIsBulkContentAndTheAutologoutTimerAppliesAfterLogin() {
    session.open(out);
    assertThat(session.idleTimeout()).isEqualTo(config.loginTimeout());
    send("a1 LOGIN alice secret\r\n");
    assertThat(session.idleTimeout()).isEqualTo(config.idleTimeout());
    assertThat(session.receivingData()).isFalse();

    send("a2 APPEND INBOX {20}\r\nSubject: x\r\n");
    assertThat(session.receivingData()).isTrue();

    send("\r\nbody\r\n\r\n");
    assertThat(session.receivingData()).isFalse();
    assertThat(out.takeLines()).anyMatch(l -> l.startsWith("a2 OK"));
  }
}
