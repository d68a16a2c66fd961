package dev.yubin.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the server promises across crashes: a 250 means the message survives a SIGKILL, and a
 * message whose client vanished mid-DATA is never stored. One server for the class; tests kill and
 * restart it on the same data directory, and each starts it again if it is down.
 */
class DurabilityIT {

  static final String DOMAIN = "durable.e2e.test";
  static final Duration WAIT = Duration.ofSeconds(30);
  static YubinServer server;

  @BeforeAll
  static void start() {
    server = YubinServer.builder("durability").freePorts().domains(DOMAIN).build();
    server.start();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @BeforeEach
  void running() {
    server.ensureRunning();
  }

  static String newUser(String name) {
    String address = name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@" + DOMAIN;
    return server.addUser(address, Clients.PASSWORD);
  }

  /**
   * {@code POST /api/admin/users} answers 201 only once the account is on disk: a SIGKILL right
   * after it loses nothing (H2 alone keeps commits in memory for up to a second).
   */
  @Test
  void accountCreatedThroughTheAdminApiSurvivesSigkill() {
    List<String> users = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      users.add(newUser("ivan" + i));
    }
    server.kill();

    server.start();

    String listed = server.admin("GET", "users", null, server.adminPassword()).body();
    assertThat(users).allSatisfy(user -> assertThat(listed).contains(user));
  }

  /**
   * Alias, catch-all and quota changes are forced to disk before the admin API answers, like
   * accounts: a SIGKILL right after them loses none.
   */
  @Test
  void addressingChangesThroughTheAdminApiSurviveSigkill() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String domain = "catch-" + suffix + ".e2e.test";
    String full = newUser("judy");
    String alias = "team-" + suffix + "@" + DOMAIN;
    String password = server.adminPassword();
    assertThat(
            server.admin("POST", "domains", "{\"name\":\"" + domain + "\"}", password).statusCode())
        .isEqualTo(201);

    assertThat(
            server
                .admin(
                    "POST",
                    "aliases",
                    "{\"address\":\"" + alias + "\",\"targets\":[\"" + full + "\"]}",
                    password)
                .statusCode())
        .isEqualTo(201);
    assertThat(
            server
                .admin(
                    "PUT",
                    "domains/" + domain + "/catch-all",
                    "{\"target\":\"" + full + "\"}",
                    password)
                .statusCode())
        .isEqualTo(200);
    assertThat(
            server.admin("PUT", "users/" + full + "/quota", "{\"bytes\":0}", password).statusCode())
        .isEqualTo(200);
    server.kill();

    server.start();

    assertThat(server.admin("GET", "aliases", null, password).body()).contains(alias);
    try (RawSmtp smtp = new RawSmtp(server)) {
      smtp.greetAndEhlo();
      assertThat(smtp.command("MAIL FROM:<sender@sender.example>")).startsWith("250");
      assertThat(smtp.command("RCPT TO:<" + full + ">"))
          .as("the quota of 0 bytes survived: the mailbox is full")
          .startsWith("452 4.2.2");
      assertThat(smtp.command("RCPT TO:<anyone@" + domain + ">"))
          .as("the catch-all survived: it leads to the same full mailbox")
          .startsWith("452 4.2.2");
    }
  }

  @Test
  void messageAcknowledgedWith250SurvivesSigkillExactlyOnce() throws Exception {
    String user = newUser("frank");
    byte[] original =
        Clients.crlf(
            "From: sender@sender.example",
            "To: " + user,
            "Subject: survives kill -9",
            "",
            "Acknowledged, then the server was killed.",
            "..dot-stuffed on the wire, one dot stored.");
    byte[] unstuffed =
        Clients.crlf(
            "From: sender@sender.example",
            "To: " + user,
            "Subject: survives kill -9",
            "",
            "Acknowledged, then the server was killed.",
            ".dot-stuffed on the wire, one dot stored.");
    String reply;
    try (RawSmtp smtp = new RawSmtp(server)) {
      smtp.greetAndEhlo();
      assertThat(smtp.command("MAIL FROM:<sender@sender.example>")).startsWith("250");
      assertThat(smtp.command("RCPT TO:<" + user + ">")).startsWith("250");
      assertThat(smtp.command("DATA")).startsWith("354");
      smtp.send(original);
      reply = smtp.command(".");
      server.kill(); // the instant the 250 arrived, before QUIT
    }
    assertThat(reply).startsWith("250 ");

    server.start();

    List<byte[]> messages = Clients.fetchAll(server, user);
    assertThat(messages).hasSize(1);
    Trace trace = Trace.split(messages.get(0), "sender@sender.example", user, server.hostname());
    assertThat(trace.id()).isEqualTo(Clients.queueId(reply));
    assertThat(new String(trace.rest(), UTF_8)).isEqualTo(new String(unstuffed, UTF_8));
    assertThat(trace.rest()).isEqualTo(unstuffed);
  }

  /**
   * The client vanishes mid-DATA: the half-received content was on disk in the spool while it
   * arrived, is removed once the server notices the closed connection, and is never delivered.
   */
  @Test
  void clientThatDisconnectsMidDataLeavesNothing() {
    String user = newUser("grace");
    Set<Path> before = spoolFiles();
    Path spooled;
    try (RawSmtp smtp = new RawSmtp(server)) {
      smtp.greetAndEhlo();
      assertThat(smtp.command("MAIL FROM:<sender@sender.example>")).startsWith("250");
      assertThat(smtp.command("RCPT TO:<" + user + ">")).startsWith("250");
      assertThat(smtp.command("DATA")).startsWith("354");
      smtp.send(
          Clients.crlf("From: sender@sender.example", "Subject: half", "", "This message never"));
      smtp.send("ends, the client goes away after the".getBytes(UTF_8));
      spooled = awaitNewSpoolFile(before, 0);
    } // closed without the final "."

    E2e.await(
        "the spool file of the abandoned message removed",
        WAIT,
        () -> Files.exists(spooled) ? null : true);
    assertThat(Clients.count(server, user)).isZero();

    server.stop();
    server.start();
    assertThat(Clients.count(server, user)).isZero();
  }

  /**
   * SIGKILL while a message is arriving: its spool file is half written on disk at the kill. After
   * the restart that file is gone, nothing of it is indexed, stored or delivered, and every message
   * acknowledged before is there exactly once.
   */
  @Test
  void sigkillDuringDataLeavesNothingHalfWrittenAndKeepsEveryAcknowledgedMessageOnce() {
    String user = newUser("heidi");
    List<String> acknowledged = new ArrayList<>();
    try (RawSmtp smtp = new RawSmtp(server)) {
      smtp.greetAndEhlo();
      for (int i = 0; i < 3; i++) {
        assertThat(smtp.command("MAIL FROM:<sender@sender.example>")).startsWith("250");
        assertThat(smtp.command("RCPT TO:<" + user + ">")).startsWith("250");
        assertThat(smtp.command("DATA")).startsWith("354");
        smtp.send(Clients.crlf("Subject: acknowledged " + i, "", "Kept."));
        String reply = smtp.command(".");
        assertThat(reply).startsWith("250 ");
        acknowledged.add(Clients.queueId(reply));
      }
    }
    Set<Path> before = spoolFiles();
    Path spooled;
    long sizeAtKill;
    try (RawSmtp smtp = new RawSmtp(server)) {
      smtp.greetAndEhlo();
      assertThat(smtp.command("MAIL FROM:<sender@sender.example>")).startsWith("250");
      assertThat(smtp.command("RCPT TO:<" + user + ">")).startsWith("250");
      assertThat(smtp.command("DATA")).startsWith("354");
      StringBuilder big = new StringBuilder("Subject: big and unfinished\r\n\r\n");
      for (int i = 0; i < 8000; i++) {
        big.append("line ").append(i).append(" of a message that is never finished\r\n");
      }
      smtp.send(big.toString().getBytes(UTF_8)); // ~370 KiB: more than the spool's buffer
      spooled = awaitNewSpoolFile(before, 64 * 1024); // past the spool's write buffer
      server.kill(); // in the middle of the transfer
    }
    assertThat(spooled).as("the half-written spool file, on disk at the kill").exists();
    sizeAtKill = size(spooled);
    assertThat(sizeAtKill).isPositive();
    String unfinished = spooled.getFileName().toString().replace(".spool", "");

    server.start();

    assertThat(spooled).doesNotExist();
    assertThat(server.log().substring(server.log().lastIndexOf("=== e2e: start #")))
        .containsPattern("[1-9]\\d* unfinished spool files removed");
    List<String> delivered =
        Clients.fetchAll(server, user).stream()
            .map(m -> Trace.split(m, "sender@sender.example", user, server.hostname()).id())
            .toList();
    assertThat(delivered).containsExactlyInAnyOrderElementsOf(acknowledged);
    assertThat(delivered).doesNotContain(unfinished);
    assertThat(server.storedMessageFilesFor(user))
        .as("message files, temporary ones included")
        .hasSize(acknowledged.size());
  }

  /**
   * SIGKILL while one IMAP session appends messages (small and large, synchronizing literals and
   * LITERAL+) and another changes flags and keywords on those already appended. After the restart
   * every APPEND answered OK is there once, under its APPENDUID and the same UIDVALIDITY, byte for
   * byte; every STORE answered OK is there; the one command in flight on each session at the kill
   * is either wholly there or not at all; UIDNEXT is above every UID handed out, and a new APPEND
   * gets a UID no earlier message had.
   */
  @Test
  void sigkillDuringAppendsAndFlagChangesKeepsEveryAcknowledgedOne() throws Exception {
    String user = newUser("ingrid");
    ImapStream stream = new ImapStream(server, user);
    Thread appender = new Thread(stream::append, "e2e-appender");
    Thread storer = new Thread(stream::store, "e2e-storer");
    appender.start();
    storer.start();
    E2e.await(
        "40 APPENDs and 40 STOREs acknowledged",
        Duration.ofSeconds(120),
        () -> stream.failure() != null || stream.acknowledged(40, 40) ? true : null);
    assertThat(stream.failure()).as("the stream before the kill").isNull();
    stream.stopping();
    server.kill();
    appender.join(WAIT.toMillis());
    storer.join(WAIT.toMillis());
    assertThat(appender.isAlive() || storer.isAlive()).isFalse();
    System.out.println("[e2e] killed with " + stream);

    server.start();

    stream.verifyAfterRestart();
  }

  private static Set<Path> spoolFiles() {
    try (Stream<Path> files = Files.list(server.dataDir().resolve("spool"))) {
      return files.collect(Collectors.toSet());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The spool file that appears beside BEFORE, once it holds at least MIN_SIZE bytes. */
  private static Path awaitNewSpoolFile(Set<Path> before, long minSize) {
    return E2e.await(
        "a new spool file of at least " + minSize + " bytes",
        WAIT,
        () ->
            spoolFiles().stream()
                .filter(file -> !before.contains(file) && size(file) >= minSize)
                .findFirst()
                .orElse(null));
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (NoSuchFileException e) {
      return -1;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
