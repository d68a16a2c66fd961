package dev.yubin.protocol.imap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.protocol.ConnectionInfo;
import dev.yubin.protocol.RecordingOutput;
import dev.yubin.protocol.imap.backend.ImapBackend;
import dev.yubin.protocol.sasl.AuthFailureLimiter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** FETCH over a big mailbox asks the backend a batch of messages at a time. */
class FetchBatchTest {

  private final InMemoryImapBackend store = new InMemoryImapBackend("alice", "secret");
  private final List<Integer> fetched = new ArrayList<>();
  private final RecordingOutput out = new RecordingOutput();
  private ImapSession session;

  @Test
  void fetchOfTheWholeMailboxReadsABatchOfMessagesPerBackendCall() {
    int messages = FetchCommand.BATCH * 2 + 500;
    for (int i = 1; i <= messages; i++) {
      store.deliver("INBOX", "Subject: " + i + "\r\n\r\nbody\r\n", Set.of());
    }
    open();
    send("a1 LOGIN alice secret\r\na2 SELECT INBOX\r\n");
    out.takeLines();

    send("a3 UID FETCH 1:* (UID FLAGS)\r\n");

    List<String> lines = out.takeLines();
    assertThat(lines.stream().filter(l -> l.contains(" FETCH (UID "))).hasSize(messages);
    assertThat(lines.get(0)).isEqualTo("* 1 FETCH (UID 1 FLAGS (\\Recent))");
    assertThat(lines.get(lines.size() - 1)).startsWith("a3 OK");
    assertThat(fetched).containsExactly(FetchCommand.BATCH, FetchCommand.BATCH, 500);
  }

  private void open() {
    ImapBackend recording =
        (ImapBackend)
            Proxy.newProxyInstance(
                ImapBackend.class.getClassLoader(),
                new Class<?>[] {ImapBackend.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("fetch")) {
                    fetched.add(((long[]) args[2]).length);
                  }
                  try {
                    return method.invoke(store, args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
    session =
        new ImapSessionFactory(
                ImapConfig.defaults("imap.test"), recording, AuthFailureLimiter.defaults())
            .newSession(new ConnectionInfo("127.0.0.1", 40000, "127.0.0.1", 143, false));
    session.open(out);
  }

  private void send(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    session.receive(bytes, 0, bytes.length, out);
  }
}
