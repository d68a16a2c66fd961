package dev.yubin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What bounds one relay attempt (issue 7, items 5 and 9): at most {@code
 * yubin.relay.mx-address-limit} addresses per domain, a deadline after which the attempt starts
 * nothing new and waits no longer, and the envelope saved after each domain, before the next one is
 * tried. The next hops are on 127.0.0.x, all on the relay port: a sink that takes mail, a tarpit
 * that accepts and never greets, and hosts that hang up at once.
 */
class RelayLimitsIT {

  static final int HANG_UPS = 8;

  static Dnsmasq dns;
  static SmtpSink fast;
  static Listener tarpit;
  static final List<Listener> hangUps = new ArrayList<>();
  static YubinServer a;

  @BeforeAll
  static void start() {
    List<String> records = new ArrayList<>();
    records.add("mx-host=fast.test,mx.fast.test,10");
    records.add("host-record=mx.fast.test,127.0.0.6");
    records.add("mx-host=slow.test,mx.slow.test,10");
    records.add("host-record=mx.slow.test,127.0.0.7");
    for (int i = 1; i <= HANG_UPS; i++) {
      records.add("mx-host=many.test,mx" + i + ".many.test," + (i * 10));
      records.add("host-record=mx" + i + ".many.test,127.0.0." + (10 + i));
    }
    dns = Dnsmasq.start(records);
    fast = SmtpSink.start("127.0.0.6", 0, null);
    tarpit = new Listener("127.0.0.7", fast.port(), false);
    for (int i = 1; i <= HANG_UPS; i++) {
      hangUps.add(new Listener("127.0.0." + (10 + i), fast.port(), true));
    }
    a =
        YubinServer.builder("limits-a")
            .bind("127.0.0.2")
            .freePorts()
            .hostname("mx.a.test")
            .domains("a.test")
            .env("YUBIN_DNS_SERVERS", dns.server())
            .env("YUBIN_RELAY_PORT", Integer.toString(fast.port()))
            .env("YUBIN_RELAY_ATTEMPT_DEADLINE", "15")
            .build()
            .start();
    a.addUser("x@a.test", Clients.PASSWORD);
  }

  @AfterAll
  static void stop() {
    List<AutoCloseable> all = new ArrayList<>(List.of(a, fast, tarpit, dns));
    all.addAll(hangUps);
    for (AutoCloseable c : all) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (Exception e) {
        // the others still get stopped
      }
    }
  }

  @Test
  void anAttemptTriesAtMostFiveAddresses() {
    String id = submit(a, "many hosts", "r@many.test");

    String r = SeedFlowIT.await(() -> attempted(a, id, "r@many.test"), "the attempt on many.test");

    assertThat(r).contains("\"state\":\"PENDING\"");
    assertThat(hangUps.stream().map(l -> l.accepted.size()).toList())
        .as("connections per MX host, in preference order")
        .containsExactly(1, 1, 1, 1, 1, 0, 0, 0);
  }

  @Test
  void eachDomainIsSavedBeforeTheNextAndTheDeadlineEndsTheAttempt() throws Exception {
    String id = submit(a, "two domains", "r@fast.test", "s@slow.test");

    Socket held =
        SeedFlowIT.await(
            () -> tarpit.accepted.keySet().stream().findFirst().orElse(null),
            "A to connect to the tarpit");
    String delivered = recipient(a, id, "r@fast.test");
    String waiting = recipient(a, id, "s@slow.test");
    assertThat(isOpen(held)).as("the attempt is still in flight").isTrue();
    assertThat(delivered)
        .as("saved before slow.test was tried: a crash now would not send it again")
        .contains("\"state\":\"DELIVERED\"");
    assertThat(waiting).contains("\"attempts\":0");
    assertThat(fast.events()).contains("RCPT TO:<r@fast.test>");

    String deferred =
        SeedFlowIT.await(() -> attempted(a, id, "s@slow.test"), "the deadline to end the attempt");
    assertThat(deferred)
        .contains("\"state\":\"PENDING\"")
        .contains("attempt deadline reached waiting for the reply to the greeting");
  }

  /** x@a.test submits a message through {@code server}; answers its queue id. */
  static String submit(YubinServer server, String subject, String... to) {
    Path file =
        Clients.messageFile(Clients.crlf("From: x@a.test", "Subject: " + subject, "", "hello"));
    List<String> args =
        new ArrayList<>(
            List.of(
                "--tls",
                "starttls",
                "--auth",
                "login",
                "--user",
                "x@a.test",
                "--password",
                Clients.PASSWORD,
                "--from",
                "x@a.test",
                "--file",
                file.toString(),
                "--to"));
    args.addAll(List.of(to));
    List<String> output =
        Clients.esmtp(server, server.submissionPort(), args.toArray(String[]::new));
    return Clients.queueId(Clients.line(output, "DATA 250"));
  }

  /** One recipient's state in {@code GET /api/admin/queue/{id}}, as JSON. */
  static String recipient(YubinServer server, String id, String address) {
    String body = server.admin("GET", "queue/" + id, null, server.adminPassword()).body();
    Matcher m =
        Pattern.compile("\\{[^{}]*\"address\":\"" + Pattern.quote(address) + "\"[^{}]*\\}")
            .matcher(body);
    if (!m.find()) {
      throw new AssertionError("no " + address + " in " + body);
    }
    return m.group();
  }

  /** The recipient's state once an attempt has been recorded for it, else null. */
  static String attempted(YubinServer server, String id, String address) {
    String r = recipient(server, id, address);
    return r.contains("\"attempts\":0") ? null : r;
  }

  static boolean isOpen(Socket socket) throws IOException {
    socket.setSoTimeout(200);
    try {
      return socket.getInputStream().read() >= 0;
    } catch (SocketTimeoutException e) {
      return true; // nothing to read, and not closed
    }
  }

  /**
   * A TCP listener on the relay port of one address that records what connects: it hangs up at
   * once, or holds the connection without a word (a tarpit).
   */
  static final class Listener implements AutoCloseable {
    final ServerSocket socket;
    final Map<Socket, Boolean> accepted = new ConcurrentHashMap<>();

    Listener(String address, int port, boolean hangUp) {
      try {
        socket = new ServerSocket(port, 50, InetAddress.getByName(address));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Thread thread =
          new Thread(
              () -> {
                while (!socket.isClosed()) {
                  try {
                    Socket s = socket.accept();
                    accepted.put(s, true);
                    if (hangUp) {
                      s.close();
                    }
                  } catch (IOException e) {
                    return; // closed
                  }
                }
              },
              "e2e-listener-" + address);
      thread.setDaemon(true);
      thread.start();
    }

    @Override
    public void close() throws IOException {
      socket.close();
      for (Socket s : accepted.keySet()) {
        s.close();
      }
    }
  }
}
