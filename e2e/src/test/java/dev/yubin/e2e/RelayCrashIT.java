package dev.yubin.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ADR 8's promise under a SIGKILL in the middle of relaying: x@a.test submits {@value #MESSAGES}
 * messages to server A, which relays them by MX lookup (a real dnsmasq) to server B; A is killed
 * once B holds some of them, then restarted on the same data. Every acknowledged message must reach
 * B, and the only duplicates allowed are repeats of the attempts that were in flight at the kill.
 *
 * <p>A reaches B through a {@link SlowLink} on B's address: its gate holds the relay until every
 * message is submitted and lets only part of them through before the kill (so "some but not all" is
 * certain, not a race), and its latency on B's replies widens the window in which B has stored a
 * message but A does not know yet, the case that produces duplicates.
 */
class RelayCrashIT {

  static final int MESSAGES = 30;

  /** Connections the link lets through before the kill: never all of them. */
  static final int ADMITTED_BEFORE_KILL = 20;

  /** A is killed as soon as B has stored this many. */
  static final int KILL_AT = 10;

  static final Duration WAIT = Duration.ofSeconds(240);
  static final String SEQUENCE_HEADER = "X-Relay-Crash-Seq";
  static final Pattern SEQUENCE =
      Pattern.compile("(?im)^" + SEQUENCE_HEADER + ": (\\S+) (\\d+)\r?$");

  static Dnsmasq dns;
  static SlowLink link;
  static YubinServer a;
  static YubinServer b;

  @BeforeAll
  static void start() {
    dns =
        Dnsmasq.start(
            List.of(
                "mx-host=a.test,mx.a.test,10",
                "mx-host=b.test,mx.b.test,10",
                "host-record=mx.a.test,127.0.0.2",
                "host-record=mx.b.test,127.0.0.3"));
    b =
        YubinServer.builder("crash-b")
            .bind("127.0.0.3")
            .freePorts()
            .hostname("mx.b.test")
            .domains("b.test")
            .env("YUBIN_DNS_SERVERS", dns.server())
            .build()
            .start();
    link = SlowLink.start("127.0.0.3", b.smtpPort(), Duration.ofMillis(40));
    a =
        YubinServer.builder("crash-a")
            .bind("127.0.0.2")
            .freePorts()
            .hostname("mx.a.test")
            .domains("a.test")
            .env("YUBIN_DNS_SERVERS", dns.server())
            // mx.b.test is 127.0.0.3; A connects to the link's port there (yubin.relay.port).
            .env("YUBIN_RELAY_PORT", Integer.toString(link.port()))
            .env("YUBIN_RELAY_MIN_BACKOFF", "2")
            .env("YUBIN_RELAY_MAX_BACKOFF", "4")
            // One session per message, so that the link's gate counts attempts.
            .env("YUBIN_RELAY_CONNECTION_REUSE", "0")
            .build()
            .start();
    a.addUser("x@a.test", Clients.PASSWORD);
    b.addUser("y@b.test", Clients.PASSWORD);
  }

  @AfterAll
  static void stop() {
    for (AutoCloseable c : new AutoCloseable[] {a, link, b, dns}) {
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
  void sigkillWhileRelayingLosesNothingAndRepeatsOnlyTheAttemptsInFlight() throws Exception {
    String run = UUID.randomUUID().toString();
    submitAll(run); // every one acknowledged with 250 (Angus Mail throws otherwise)
    assertThat(storedAtB()).as("nothing passes the closed gate").isZero();

    link.admitUpTo(ADMITTED_BEFORE_KILL);
    int storedAtKill =
        await(
            () -> {
              int n = storedAtB();
              return n >= KILL_AT ? n : null;
            },
            Duration.ofMillis(20),
            "B to store " + KILL_AT + " messages");
    a.kill();

    Set<Integer> queuedAfterKill = queuedAt(a);
    // Each attempt is one connection through the link (one message per session), and B gets
    // nothing any other way: the attempts in flight at the kill are at most the connections that
    // passed minus the entries A had finished.
    int admitted = link.admitted();
    int inFlight = admitted - (MESSAGES - queuedAfterKill.size());
    System.out.printf(
        "[e2e] A killed when B had stored %d; %d connection(s) had passed the link; %d entries"
            + " left in A's queue: %s; at most %d attempt(s) in flight%n",
        storedAtKill, admitted, queuedAfterKill.size(), queuedAfterKill, inFlight);
    assertThat(storedAtB())
        .as("relaying was in progress at the kill: B had some, not all")
        .isLessThan(MESSAGES);
    assertThat(queuedAfterKill).as("A still had entries to relay").isNotEmpty();

    link.open();
    a.start();

    // Every message at B, then A's queue empty: no attempt is left that could add a copy.
    await(
        () -> copiesAtB(run).size() == MESSAGES ? true : null,
        Duration.ofSeconds(2),
        "every message at B");
    await(
        () -> a.admin("GET", "queue", null, a.adminPassword()).body().equals("[]") ? true : null,
        Duration.ofSeconds(1),
        "A's queue to empty");
    Map<Integer, Integer> copies = copiesAtB(run);

    Set<Integer> all = new TreeSet<>();
    for (int i = 1; i <= MESSAGES; i++) {
      all.add(i);
    }
    Set<Integer> repeated = new TreeSet<>();
    copies.forEach(
        (seq, n) -> {
          if (n > 1) {
            repeated.add(seq);
          }
        });
    System.out.printf("[e2e] copies at B by sequence number: %s; repeated: %s%n", copies, repeated);
    assertThat(copies.keySet()).as("every acknowledged message reached B").isEqualTo(all);
    assertThat(copies.values())
        .as("one kill repeats an attempt at most once")
        .allMatch(n -> n <= 2);
    assertThat(queuedAfterKill)
        .as("only entries still queued at the kill can be sent again")
        .containsAll(repeated);
    assertThat(repeated.size())
        .as("at most the attempts in flight at the kill")
        .isLessThanOrEqualTo(inFlight);
  }

  /** One submission session (STARTTLS, AUTH) to A; each message carries its sequence number. */
  static void submitAll(String run) throws Exception {
    Properties props = new Properties();
    props.put("mail.smtp.host", a.bind());
    props.put("mail.smtp.port", Integer.toString(a.submissionPort()));
    props.put("mail.smtp.starttls.enable", "true");
    props.put("mail.smtp.starttls.required", "true");
    props.put("mail.smtp.ssl.trust", "*");
    props.put("mail.smtp.ssl.checkserveridentity", "false");
    props.put("mail.smtp.auth", "true");
    props.put("mail.smtp.localhost", "client.a.test");
    Session session = Session.getInstance(props);
    try (Transport transport = session.getTransport("smtp")) {
      transport.connect("x@a.test", Clients.PASSWORD);
      for (int i = 1; i <= MESSAGES; i++) {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("x@a.test"));
        message.setRecipients(Message.RecipientType.TO, "y@b.test");
        message.setSubject("relay crash " + i);
        message.setHeader(SEQUENCE_HEADER, run + " " + i);
        message.setText("Message " + i + " of " + MESSAGES + ", relayed across a kill -9.\n");
        message.saveChanges();
        transport.sendMessage(message, message.getAllRecipients());
      }
    }
  }

  /** Message files in y@b.test's mailbox folders (temporary files start with a dot). */
  static int storedAtB() {
    return (int)
        b.storedMessageFiles().stream()
            .filter(p -> !p.getFileName().toString().startsWith("."))
            .count();
  }

  /** The sequence numbers of the entries in A's queue folder (those with an envelope). */
  static Set<Integer> queuedAt(YubinServer server) throws IOException {
    Path queue = server.dataDir().resolve("queue");
    Set<Integer> queued = new TreeSet<>();
    try (Stream<Path> files = Files.list(queue)) {
      for (Path envelope : files.toList()) {
        String name = envelope.getFileName().toString();
        if (name.startsWith(".") || !name.endsWith(".envelope")) {
          continue;
        }
        Path content = queue.resolve(name.substring(0, name.length() - ".envelope".length()));
        Matcher m = SEQUENCE.matcher(new String(Files.readAllBytes(content), UTF_8));
        if (m.find()) {
          queued.add(Integer.parseInt(m.group(2)));
        }
      }
    }
    return queued;
  }

  /** How many copies of each sequence number y@b.test's mailbox holds, fetched over POP3. */
  static Map<Integer, Integer> copiesAtB(String run) {
    Map<Integer, Integer> copies = new TreeMap<>();
    for (byte[] message : Clients.fetchAll(b, "y@b.test")) {
      Matcher m = SEQUENCE.matcher(new String(message, UTF_8));
      if (!m.find() || !m.group(1).equals(run)) {
        throw new AssertionError(
            "a message at B without this run's "
                + SEQUENCE_HEADER
                + ":\n"
                + new String(message, UTF_8));
      }
      copies.merge(Integer.parseInt(m.group(2)), 1, Integer::sum);
    }
    return copies;
  }

  static <T> T await(Supplier<T> probe, Duration every, String what) {
    Instant deadline = Instant.now().plus(WAIT);
    while (Instant.now().isBefore(deadline)) {
      T value = probe.get();
      if (value != null) {
        return value;
      }
      try {
        Thread.sleep(every.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError(
        "timed out waiting for "
            + what
            + "\nA's log:\n"
            + a.logTail(40)
            + "\nB's log:\n"
            + b.logTail(40));
  }
}
