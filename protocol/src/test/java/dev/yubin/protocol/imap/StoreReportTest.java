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

/** After its own STORE a session does not read the change back at the next report. */
class StoreReportTest {

  private final InMemoryImapBackend store = InMemoryImapBackend.standard();
  private final List<Long> changesSince = new ArrayList<>();
  private final RecordingOutput out = new RecordingOutput();
  private ImapSession session;

  @Test
  void theNextReportAsksForChangesAfterTheSessionsOwnStore() {
    open();
    send("a1 LOGIN alice secret\r\na2 SELECT INBOX\r\n");
    out.takeLines();
    changesSince.clear();

    send("a3 STORE 1:2 +FLAGS.SILENT (\\Flagged)\r\na4 FETCH 1:2 (FLAGS MODSEQ)\r\n");

    List<String> lines = out.takeLines();
    long stored =
        modseqOf(lines.stream().filter(l -> l.startsWith("* 1 FETCH")).findFirst().orElseThrow());
    assertThat(changesSince).isNotEmpty().allSatisfy(since -> assertThat(since).isEqualTo(stored));
    assertThat(lines).anyMatch(l -> l.startsWith("a4 OK"));
  }

  @Test
  void anotherSessionsChangeInBetweenIsStillReported() {
    open();
    send("a1 LOGIN alice secret\r\na2 SELECT INBOX\r\n");
    out.takeLines();
    store.setFlags("INBOX", 2, Set.of("\\Answered"));

    send("a3 STORE 1 +FLAGS.SILENT (\\Flagged)\r\na4 NOOP\r\n");

    assertThat(out.takeLines())
        .anyMatch(l -> l.startsWith("* 2 FETCH") && l.contains("\\Answered"));
  }

  private static long modseqOf(String fetch) {
    String rest = fetch.substring(fetch.indexOf("MODSEQ (") + 8);
    return Long.parseLong(rest.substring(0, rest.indexOf(')')));
  }

  private void open() {
    ImapBackend recording =
        (ImapBackend)
            Proxy.newProxyInstance(
                ImapBackend.class.getClassLoader(),
                new Class<?>[] {ImapBackend.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("changes")) {
                    changesSince.add((Long) args[2]);
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
