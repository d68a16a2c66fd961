package dev.yubin.protocol.pop3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.protocol.ConnectionInfo;
import dev.yubin.protocol.DotStuffingInputStream;
import dev.yubin.protocol.Output;
import dev.yubin.protocol.RecordingOutput;
import dev.yubin.protocol.pop3.InMemoryPop3Backend.Expunge;
import dev.yubin.protocol.pop3.InMemoryPop3Backend.Failure;
import dev.yubin.protocol.pop3.InMemoryPop3Backend.LoginAttempt;
import dev.yubin.protocol.pop3.InMemoryPop3Backend.SeenMark;
import dev.yubin.protocol.sasl.AuthFailureLimiter;
import dev.yubin.protocol.sasl.ScramCredentials;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What dialogue scripts cannot show: two sessions at once, backend failures, what reaches the
 * backend, and how content is handed to the transport.
 */
class Pop3SessionTest {

  private static final ConnectionInfo CONNECTION =
      new ConnectionInfo("198.51.100.9", 50000, "198.51.100.1", 110, false);

  private final InMemoryPop3Backend backend = InMemoryPop3Backend.standard();
  private final Pop3SessionFactory factory =
      new Pop3SessionFactory(Pop3Config.defaults("pop.test"), backend);

  /** A session with its output, driven line by line. */
  private final class Client {
    final Pop3Session session = factory.newSession(CONNECTION);
    final RecordingOutput out = new RecordingOutput();

    Client() {
      session.open(out);
      out.takeLines();
    }

    List<String> send(String line) {
      byte[] bytes = (line + "\r\n").getBytes(StandardCharsets.US_ASCII);
      session.receive(bytes, 0, bytes.length, out);
      return out.takeLines();
    }

    Client login(String user, String password) {
      send("USER " + user);
      assertThat(send("PASS " + password)).singleElement().asString().startsWith("+OK");
      return this;
    }
  }

  /** Opens a session with another configuration and sends {@code input} in one piece. */
  private RecordingOutput play(Pop3Config config, String input) {
    Pop3Session session = new Pop3SessionFactory(config, backend).newSession(CONNECTION);
    RecordingOutput out = new RecordingOutput();
    session.open(out);
    byte[] bytes = input.getBytes(StandardCharsets.US_ASCII);
    session.receive(bytes, 0, bytes.length, out);
    return out;
  }

  @Test
  void saslResponsesMayExceedTheCommandLineLimitUpTo12288Octets() {
    String plain = "AGFsaWNlAHNlY3JldA==";
    RecordingOutput out =
        play(
            Pop3Config.defaults("pop.test"),
            "AUTH PLAIN\r\n"
                + "A".repeat(12_289)
                + "\r\n"
                + "AUTH PLAIN\r\n"
                + "A".repeat(12_288)
                + "\r\n"
                + "AUTH PLAIN\r\n"
                + " ".repeat(240)
                + "\r\n"
                + "AUTH PLAIN "
                + plain
                + "\r\n");

    assertThat(out.takeLines())
        .containsExactly(
            "+OK pop.test POP3 ready",
            "+ ",
            "-ERR response line too long",
            "+ ",
            "-ERR [AUTH] invalid user name or password",
            "+ ",
            "-ERR invalid base64 data",
            "+OK maildrop has 4 messages (186 octets)");
  }

  @Test
  void secondSessionOnTheSameMaildropGetsInUseUntilTheFirstQuits() {
    Client first = new Client().login("alice", "secret");
    Client second = new Client();
    second.send("USER alice");

    assertThat(second.send("PASS secret")).containsExactly("-ERR [IN-USE] maildrop already locked");
    assertThat(second.session.state()).isEqualTo(Pop3State.AUTHORIZATION);

    first.send("QUIT");
    assertThat(backend.isLocked("alice")).isFalse();
    second.send("USER alice");
    assertThat(second.send("PASS secret"))
        .containsExactly("+OK maildrop has 4 messages (186 octets)");
    assertThat(second.session.state()).isEqualTo(Pop3State.TRANSACTION);
  }

  @Test
  void quitExpungesExactlyTheMarkedMessagesAndReleasesTheLock() {
    Client client = new Client().login("alice", "secret");
    client.send("DELE 2");
    client.send("DELE 4");

    assertThat(client.send("QUIT"))
        .containsExactly("+OK pop.test POP3 server signing off (2 messages left)");
    assertThat(client.out.isClosed()).isTrue();
    assertThat(backend.expunges()).containsExactly(new Expunge("alice", List.of("m2", "m4")));
    assertThat(backend.uids("alice")).containsExactly("uid-alice-1", "uid-alice-3");
    assertThat(backend.isLocked("alice")).isFalse();
  }

  @Test
  void quitWithNothingDeletedDoesNotCallExpunge() {
    Client client = new Client().login("alice", "secret");
    client.send("DELE 1");
    client.send("RSET");
    client.send("QUIT");
    assertThat(backend.expunges()).isEmpty();
  }

  @Test
  void vanishedClientExpungesNothingButReleasesTheLock() {
    Client client = new Client().login("alice", "secret");
    client.send("DELE 1");
    client.session.closed();
    client.session.closed(); // twice is harmless

    assertThat(backend.expunges()).isEmpty();
    assertThat(backend.isLocked("alice")).isFalse();
    assertThat(client.session.state()).isEqualTo(Pop3State.CLOSED);
  }

  @Test
  void messagesSentByRetrAndNotDeletedAreMarkedSeenAfterQuitsExpunge() {
    Client client = new Client().login("alice", "secret");
    client.send("RETR 1");
    client.send("TOP 2 0");
    client.send("RETR 3");
    client.send("RETR 4");
    client.send("DELE 4");

    client.send("QUIT");

    assertThat(backend.expunges()).containsExactly(new Expunge("alice", List.of("m4")));
    assertThat(backend.seenMarks()).containsExactly(new SeenMark("alice", List.of("m1", "m3")));
  }

  @Test
  void aSessionEndingWithoutQuitStillMarksWhatRetrSent() {
    Client client = new Client().login("alice", "secret");
    client.send("RETR 2");
    client.session.closed();

    assertThat(backend.expunges()).isEmpty();
    assertThat(backend.seenMarks()).containsExactly(new SeenMark("alice", List.of("m2")));
    assertThat(backend.isLocked("alice")).isFalse();
  }

  @Test
  void rsetForgetsRetrievalsAndTopOrNothingMarksNothing() {
    Client client = new Client().login("alice", "secret");
    client.send("RETR 1");
    client.send("RSET");
    client.send("TOP 2 1");
    client.send("QUIT");

    assertThat(backend.seenMarks()).isEmpty();
  }

  @Test
  void aFailingSeenMarkStillReleasesTheMaildrop() {
    Client client = new Client().login("alice", "secret");
    client.send("RETR 1");
    backend.fail(Failure.MARK_SEEN_THROWS);

    assertThat(client.send("QUIT"))
        .containsExactly("+OK pop.test POP3 server signing off (4 messages left)");
    assertThat(backend.isLocked("alice")).isFalse();
  }

  @Test
  void autologoutClosesSilentlyWithoutUpdate() {
    Client client = new Client().login("alice", "secret");
    client.send("DELE 1");
    client.session.idle(client.out);

    assertThat(client.out.takeLines()).isEmpty();
    assertThat(client.out.isClosed()).isTrue();
    assertThat(backend.expunges()).isEmpty();
    assertThat(backend.isLocked("alice")).isFalse();
  }

  @Test
  void idleTimeoutIsTheAutologoutTimerOfAtLeastTenMinutes() {
    assertThat(new Client().session.idleTimeout()).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void loginPassesUserPasswordAndClientAddressToTheBackend() {
    new Client().login("Alice", "secret");
    assertThat(backend.logins())
        .containsExactly(new LoginAttempt("Alice", "secret", "198.51.100.9"));
  }

  @Test
  void unavailableAuthenticationIsATemporaryError() {
    backend.fail(Failure.LOGIN_UNAVAILABLE);
    Client client = new Client();
    client.send("USER alice");
    assertThat(client.send("PASS secret"))
        .containsExactly("-ERR [SYS/TEMP] authentication unavailable, try again later");
    assertThat(client.session.state()).isEqualTo(Pop3State.AUTHORIZATION);
  }

  @Test
  void backendExceptionsBecomeSysTempWithoutStackTraceAndTheSessionGoesOn() {
    backend.fail(Failure.LOGIN_THROWS);
    Client client = new Client();
    client.send("USER alice");
    assertThat(client.send("PASS secret"))
        .containsExactly("-ERR [SYS/TEMP] internal error, try again later");

    backend.heal();
    backend.fail(Failure.OPEN_THROWS);
    client.send("USER alice");
    assertThat(client.send("PASS secret"))
        .containsExactly("-ERR [SYS/TEMP] internal error, try again later");
    assertThat(backend.isLocked("alice")).isFalse();

    backend.heal();
    client.login("alice", "secret");
    backend.fail(Failure.RETRIEVE_THROWS);
    assertThat(client.send("RETR 1"))
        .containsExactly("-ERR [SYS/TEMP] internal error, try again later");
    assertThat(client.send("TOP 1 0"))
        .containsExactly("-ERR [SYS/TEMP] internal error, try again later");
    assertThat(client.send("STAT")).containsExactly("+OK 4 186");
  }

  @Test
  void backendFailuresDoNotCountAsClientErrors() {
    backend.fail(Failure.LOGIN_UNAVAILABLE);
    Client client = new Client();
    for (int i = 0; i < 15; i++) {
      client.send("USER alice");
      client.send("PASS secret");
    }
    assertThat(client.out.isClosed()).isFalse();
  }

  @Test
  void refusedExpungeIsReportedAndTheSessionStillCloses() {
    Client client = new Client().login("alice", "secret");
    client.send("DELE 1");
    backend.fail(Failure.EXPUNGE_REFUSES);

    assertThat(client.send("QUIT"))
        .containsExactly("-ERR [SYS/TEMP] some deleted messages not removed");
    assertThat(client.out.isClosed()).isTrue();
    assertThat(backend.isLocked("alice")).isFalse();
  }

  @Test
  void throwingExpungeAndCloseAreReportedAndTheSessionStillCloses() {
    Client client = new Client().login("alice", "secret");
    client.send("DELE 1");
    backend.fail(Failure.EXPUNGE_THROWS, Failure.CLOSE_THROWS);

    assertThat(client.send("QUIT"))
        .containsExactly("-ERR [SYS/TEMP] some deleted messages not removed");
    assertThat(client.out.isClosed()).isTrue();
    assertThat(client.session.state()).isEqualTo(Pop3State.CLOSED);
  }

  @Test
  void quitEntersUpdateWhileExpunging() {
    List<Pop3State> statesDuringExpunge = new ArrayList<>();
    Pop3Session[] session = new Pop3Session[1];
    Pop3Backend observing =
        new Pop3Backend() {
          @Override
          public Pop3Login login(String user, String password, String clientAddress) {
            return backend.login(user, password, clientAddress);
          }

          @Override
          public ScramCredentials scramCredentials(String user, String clientAddress) {
            return backend.scramCredentials(user, clientAddress);
          }

          @Override
          public Maildrop openMaildrop(String principal) {
            return backend.openMaildrop(principal);
          }

          @Override
          public InputStream retrieve(String principal, String messageId) {
            return backend.retrieve(principal, messageId);
          }

          @Override
          public boolean expunge(String principal, List<String> messageIds) {
            statesDuringExpunge.add(session[0].state());
            return backend.expunge(principal, messageIds);
          }

          @Override
          public void closeMaildrop(String principal) {
            backend.closeMaildrop(principal);
          }
        };
    session[0] =
        new Pop3SessionFactory(Pop3Config.defaults("pop.test"), observing).newSession(CONNECTION);
    RecordingOutput out = new RecordingOutput();
    byte[] input =
        "USER alice\r\nPASS secret\r\nDELE 1\r\nQUIT\r\n".getBytes(StandardCharsets.US_ASCII);
    session[0].receive(input, 0, input.length, out);

    assertThat(statesDuringExpunge).containsExactly(Pop3State.UPDATE);
    assertThat(session[0].state()).isEqualTo(Pop3State.CLOSED);
  }

  @Test
  void retrHandsTheTransportAStuffedStreamInsteadOfBytes() {
    List<Object> writes = new ArrayList<>();
    Output capturing =
        new Output() {
          @Override
          public void write(byte[] bytes) {
            writes.add(new String(bytes, StandardCharsets.US_ASCII));
          }

          @Override
          public void write(InputStream content) {
            writes.add(content);
          }

          @Override
          public void close() {
            writes.add("CLOSE");
          }

          @Override
          public void startTls() {
            writes.add("STARTTLS");
          }

          @Override
          public void startCompression() {
            writes.add("COMPRESS");
          }
        };
    Client client = new Client().login("alice", "secret");
    byte[] retr = "RETR 2\r\n".getBytes(StandardCharsets.US_ASCII);
    client.session.receive(retr, 0, retr.length, capturing);

    assertThat(writes).hasSize(2);
    assertThat(writes.get(0)).isEqualTo("+OK 51 octets\r\n");
    assertThat(writes.get(1)).isInstanceOf(DotStuffingInputStream.class);
  }

  @Test
  void withoutUserPassThereIsNoUserCapabilityAndNoUserCommand() {
    RecordingOutput out =
        play(
            Pop3Config.defaults("pop.test").withUserPassAllowed(false),
            "CAPA\r\nUSER alice\r\nPASS secret\r\n");

    assertThat(out.takeLines())
        .containsExactly(
            "+OK pop.test POP3 ready",
            "+OK capability list follows",
            "SASL SCRAM-SHA-256 PLAIN LOGIN",
            "TOP",
            "UIDL",
            "RESP-CODES",
            "AUTH-RESP-CODE",
            "PIPELINING",
            "IMPLEMENTATION Yubin",
            ".",
            "-ERR unknown command",
            "-ERR unknown command");
  }

  @Test
  void maxErrorsIsConfigurable() {
    RecordingOutput out =
        play(Pop3Config.defaults("pop.test").withMaxErrors(2), "X\r\nY\r\nNOOP\r\n");

    assertThat(out.takeLines())
        .containsExactly(
            "+OK pop.test POP3 ready",
            "-ERR unknown command",
            "-ERR unknown command",
            "-ERR too many errors");
    assertThat(out.isClosed()).isTrue();
  }

  @Test
  void inputAfterCloseIsIgnored() {
    Client client = new Client();
    client.send("QUIT");
    byte[] late = "USER alice\r\n".getBytes(StandardCharsets.US_ASCII);
    client.session.receive(late, 0, late.length, client.out);
    client.session.idle(client.out);
    assertThat(client.out.takeLines()).isEmpty();
  }

  @Test
  void aClientOnThisMachineMayLogInWithoutTlsAndIsStillOfferedStls() {
    Pop3Config config = Pop3Config.defaults("pop.test").withTls(true, false);
    for (String address : List.of("127.0.0.1", "127.0.0.3", "::1", "::ffff:127.0.0.1")) {
      Pop3Session session =
          new Pop3SessionFactory(config, backend)
              .newSession(new ConnectionInfo(address, 50000, "127.0.0.3", 110, false));
      RecordingOutput out = new RecordingOutput();
      session.open(out);
      byte[] bytes =
          "CAPA\r\nUSER alice\r\nPASS secret\r\nQUIT\r\n".getBytes(StandardCharsets.US_ASCII);
      session.receive(bytes, 0, bytes.length, out);

      assertThat(out.takeLines())
          .as(address)
          .contains("STLS", "USER", "+OK send PASS", "+OK maildrop has 4 messages (186 octets)");
    }
  }

  @Test
  void cleartextLoginFromAfarCanBeAllowedByConfiguration() {
    RecordingOutput out =
        play(
            Pop3Config.defaults("pop.test").withTls(true, true),
            "USER alice\r\nPASS secret\r\nQUIT\r\n");

    assertThat(out.takeLines()).contains("+OK maildrop has 4 messages (186 octets)");
  }

  @Test
  void failedPasswordsAreThrottledPerNetworkAcrossSessionsWithoutAskingTheBackend() {
    AuthFailureLimiter limiter =
        new AuthFailureLimiter(2, 10, Duration.ofMinutes(15), java.time.Clock.systemUTC());
    Pop3SessionFactory throttled =
        new Pop3SessionFactory(Pop3Config.defaults("pop.test"), backend, limiter);
    for (int i = 0; i < 2; i++) {
      assertThat(send(throttled, "USER alice\r\nPASS wrong\r\n"))
          .contains("-ERR [AUTH] invalid user name or password");
    }
    int asked = backend.logins().size();

    assertThat(send(throttled, "USER alice\r\nPASS secret\r\n"))
        .as("even the right password, once the network has used up its failures")
        .contains("-ERR [SYS/TEMP] too many failed logins, try again later");
    assertThat(backend.logins()).hasSize(asked);
  }

  private static List<String> send(Pop3SessionFactory factory, String input) {
    Pop3Session session = factory.newSession(CONNECTION);
    RecordingOutput out = new RecordingOutput();
    session.open(out);
    byte[] bytes = input.getBytes(StandardCharsets.US_ASCII);
    session.receive(bytes, 0, bytes.length, out);
    return out.takeLines();
  }
}
