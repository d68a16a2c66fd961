package dev.yubin.protocol.imap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.protocol.ConnectionInfo;
import dev.yubin.protocol.ProtocolSession;
import dev.yubin.protocol.RecordingOutput;
import dev.yubin.protocol.sasl.AuthFailureLimiter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** THREAD on a reply chain thousands deep: threaded and written without a deep stack. */
class ThreadCommandTest {

  @Test
  void aLongReplyChainIsOneListOnASmallStack() throws InterruptedException {
    int length = 3_000;
    InMemoryImapBackend backend = new InMemoryImapBackend("alice", "secret");
    for (int i = 1; i <= length; i++) {
      String inReplyTo = i == 1 ? "" : "In-Reply-To: <m" + (i - 1) + "@x>\r\n";
      backend.deliver(
          "INBOX",
          "Message-ID: <m" + i + "@x>\r\n" + inReplyTo + "Subject: Re: chain\r\n\r\n.\r\n",
          Set.of());
    }
    ImapSessionFactory factory =
        new ImapSessionFactory(
            ImapConfig.defaults("imap.test"), backend, AuthFailureLimiter.defaults());
    ProtocolSession session =
        factory.newSession(new ConnectionInfo("127.0.0.1", 40000, "127.0.0.1", 143, false));
    RecordingOutput out = new RecordingOutput();
    session.open(out);
    byte[] commands =
        ("a LOGIN alice secret\r\nb EXAMINE INBOX\r\nc UID THREAD REFERENCES UTF-8 ALL\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    Thread small =
        new Thread(
            null, () -> session.receive(commands, 0, commands.length, out), "small", 128 * 1024);
    small.start();
    small.join();

    String chain =
        LongStream.rangeClosed(1, length).mapToObj(Long::toString).collect(Collectors.joining(" "));
    List<String> lines = out.takeLines();
    assertThat(lines).contains("* THREAD (" + chain + ")", "c OK THREAD completed");
  }
}
