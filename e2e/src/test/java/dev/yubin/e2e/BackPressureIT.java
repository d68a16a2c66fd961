package dev.yubin.e2e;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Clients that send without ever reading, against a server with a small heap ({@code -Xmx256m}):
 * fifty pipeline {@code EHLO x} for a minute and one pipelines POP3 {@code RETR}s of a 2 MB
 * message. The server stops reading from each once its replies back up (docs/adr/0002), so its live
 * heap stays near where it started, the RETR client never has more than one message file open, and
 * a normal client completes SMTP transactions and POP3 retrievals again and again throughout.
 */
class BackPressureIT {

  static final String DOMAIN = "flood.e2e.test";
  static final int FLOODERS = 50;
  static final Duration ATTACK = Duration.ofSeconds(60);

  /** What the attack may add to the live heap: each connection holds at most ~130 KiB. */
  static final long HEAP_GROWTH_LIMIT = 64L * 1024 * 1024;

  static YubinServer server;

  @BeforeAll
  static void start() {
    server =
        YubinServer.builder("flood")
            .freePorts()
            .domains(DOMAIN)
            .env("YUBIN_JAVA_OPTS", "-Xmx256m")
            .env("YUBIN_SMTP_MAX_CONNECTIONS_PER_IP", Integer.toString(FLOODERS + 10))
            .build();
    server.start();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  /** Writes the same block until its socket is closed, never reading. */
  private static final class Sender extends Thread {
    private final Socket socket = new Socket();
    private final byte[] first;
    private final byte[] block;

    Sender(int port, String first, String repeated) {
      super("flood-" + port);
      setDaemon(true);
      this.first = first.getBytes(US_ASCII);
      this.block = repeated.repeat(8192 / repeated.length()).getBytes(US_ASCII);
      try {
        socket.connect(new InetSocketAddress(server.bind(), port), 5000);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void run() {
      try {
        OutputStream out = socket.getOutputStream();
        out.write(first);
        while (true) {
          out.write(block);
        }
      } catch (IOException closed) {
        // the test is over
      }
    }

    void close() {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing either way
      }
    }
  }

  @Test
  void clientsThatNeverReadLeaveTheHeapBoundedAndOthersServed() throws Exception {
    String normal = server.addUser("normal@" + DOMAIN, Clients.PASSWORD);
    String hoarder = server.addUser("hoarder@" + DOMAIN, Clients.PASSWORD);
    String big = "Subject: big\r\n\r\n" + ("z".repeat(998) + "\r\n").repeat(2000);
    assertThat(Clients.smtpSend(server, "a@sender.test", big.getBytes(US_ASCII), hoarder))
        .anyMatch(l -> l.startsWith("DATA 250"));
    assertThat(server.storedMessageFiles()).hasSize(1);
    Path hoardersMessage = server.storedMessageFiles().get(0).toRealPath();
    long heapBefore = liveHeapBytes();

    List<Sender> senders = new ArrayList<>();
    for (int i = 0; i < FLOODERS; i++) {
      senders.add(new Sender(server.smtpPort(), "", "EHLO x\r\n"));
    }
    senders.add(
        new Sender(
            server.pop3Port(),
            "USER " + hoarder + "\r\nPASS " + Clients.PASSWORD + "\r\n",
            "RETR 1\r\n"));
    senders.forEach(Thread::start);
    try {
      long mostOpen = 0;
      int rounds = 0;
      for (Instant end = Instant.now().plus(ATTACK); Instant.now().isBefore(end); ) {
        rounds++;
        byte[] message = Clients.crlf("Subject: round " + rounds, "", "still served");
        assertThat(Clients.smtpSend(server, "b@sender.test", message, normal))
            .as("round %d over SMTP", rounds)
            .anyMatch(l -> l.startsWith("DATA 250"));
        List<byte[]> fetched = Clients.fetchAll(server, normal);
        assertThat(fetched).as("round %d over POP3", rounds).hasSize(rounds);
        assertThat(new String(fetched.get(rounds - 1), US_ASCII)).contains("round " + rounds);
        mostOpen = Math.max(mostOpen, timesOpen(hoardersMessage));
      }

      assertThat(mostOpen).as("times the RETR client's message was open at once").isEqualTo(1);
      assertThat(timesOpen(hoardersMessage))
          .as("its one RETR waits, mid-message, for it to read")
          .isEqualTo(1);
      long heapAfter = liveHeapBytes();
      System.out.printf(
          "[e2e] live heap %d MiB before, %d MiB with %d clients that never read; %d rounds%n",
          heapBefore >> 20, heapAfter >> 20, senders.size(), rounds);
      assertThat(heapAfter - heapBefore).isLessThan(HEAP_GROWTH_LIMIT);
      assertThat(server.log()).doesNotContain("OutOfMemoryError");
    } finally {
      senders.forEach(Sender::close);
    }
  }

  /** The server's heap in use after a full collection, as {@code jcmd} reports it. */
  private static long liveHeapBytes() {
    String pid = Long.toString(server.pid());
    E2e.run(List.of("jcmd", pid, "GC.run"), Map.of(), null).requireSuccess();
    String info = E2e.run(List.of("jcmd", pid, "GC.heap_info"), Map.of(), null).stdout();
    Matcher used = Pattern.compile("heap\\s+total \\d+K, used (\\d+)K").matcher(info);
    assertThat(used.find()).as("heap in %s", info).isTrue();
    return Long.parseLong(used.group(1)) * 1024;
  }

  /** How many times the server process has FILE open ({@code /proc/<pid>/fd}). */
  private static long timesOpen(Path file) throws IOException {
    long count = 0;
    try (DirectoryStream<Path> descriptors =
        Files.newDirectoryStream(Path.of("/proc", Long.toString(server.pid()), "fd"))) {
      for (Path descriptor : descriptors) {
        try {
          if (Files.readSymbolicLink(descriptor).equals(file)) {
            count++;
          }
        } catch (NoSuchFileException closedMeanwhile) {
          // not open any more
        }
      }
    }
    return count;
  }
}
