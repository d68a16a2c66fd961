package dev.yubin.protocol.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.protocol.ConnectionInfo;
import dev.yubin.protocol.FakeClock;
import dev.yubin.protocol.RecordingOutput;
import dev.yubin.protocol.sasl.AuthFailureLimiter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** AUTH and STARTTLS where scripts cannot go: SCRAM proofs, the backend's view, the throttle. */
class SmtpAuthTest {

  private static final ConnectionInfo IMPLICIT_TLS =
      new ConnectionInfo("192.0.2.10", 40000, "192.0.2.1", 465, true);
  private static final ConnectionInfo FROM_ELSEWHERE =
      new ConnectionInfo("198.51.100.20", 40000, "192.0.2.1", 465, true);

  private final InMemorySmtpBackend backend = new InMemorySmtpBackend();
  private final FakeClock clock = new FakeClock();
  private final AuthFailureLimiter limiter =
      new AuthFailureLimiter(5, 3, Duration.ofMinutes(15), clock);
  private final RecordingOutput out = new RecordingOutput();
  private SmtpSession session;

  private SmtpSession open(SmtpConfig config, ConnectionInfo connection) {
    session = (SmtpSession) new SmtpSessionFactory(config, backend, limiter).newSession(connection);
    session.open(out);
    out.takeLines();
    return session;
  }

  private List<String> send(String wire) {
    byte[] bytes = wire.getBytes(StandardCharsets.UTF_8);
    session.receive(bytes, 0, bytes.length, out);
    return out.takeLines();
  }

  private static String b64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String unb64(String text) {
    return new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8);
  }

  private static byte[] hmac(byte[] key, String data) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
  }

  /** A SCRAM-SHA-256 client (RFC 5802 §3); returns the last server line. */
  private List<String> scram(String user, String password) throws Exception {
    String clientFirstBare = "n=" + user + ",r=clientnonce123";
    List<String> first = send("AUTH SCRAM-SHA-256 " + b64("n,," + clientFirstBare) + "\r\n");
    assertThat(first).singleElement().asString().startsWith("334 ");
    String serverFirst = unb64(first.get(0).substring(4));
    assertThat(serverFirst).startsWith("r=clientnonce123");
    String nonce = serverFirst.split(",")[0].substring(2);
    byte[] salt = Base64.getDecoder().decode(serverFirst.split(",")[1].substring(2));
    int iterations = Integer.parseInt(serverFirst.split(",")[2].substring(2));
    byte[] saltedPassword =
        javax.crypto.SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
            .generateSecret(
                new javax.crypto.spec.PBEKeySpec(password.toCharArray(), salt, iterations, 256))
            .getEncoded();
    String withoutProof = "c=biws,r=" + nonce;
    String authMessage = clientFirstBare + "," + serverFirst + "," + withoutProof;
    byte[] clientKey = hmac(saltedPassword, "Client Key");
    byte[] storedKey = MessageDigest.getInstance("SHA-256").digest(clientKey);
    byte[] signature = hmac(storedKey, authMessage);
    byte[] proof = new byte[clientKey.length];
    for (int i = 0; i < proof.length; i++) {
      proof[i] = (byte) (clientKey[i] ^ signature[i]);
    }
    String clientFinal = withoutProof + ",p=" + Base64.getEncoder().encodeToString(proof);
    List<String> second = send(b64(clientFinal) + "\r\n");
    if (!second.get(0).startsWith("334 ")) {
      return second;
    }
    String expected =
        "v="
            + Base64.getEncoder()
                .encodeToString(hmac(hmac(saltedPassword, "Server Key"), authMessage));
    assertThat(unb64(second.get(0).substring(4))).isEqualTo(expected);
    return send("\r\n");
  }

  @Test
  void scramSha256AuthenticatesAndTheReceivedProtocolBecomesEsmtpsa() throws Exception {
    open(TestSmtp.submissionConfig(), IMPLICIT_TLS);
    assertThat(send("EHLO client.test\r\n")).contains("250-AUTH SCRAM-SHA-256 PLAIN LOGIN");
    assertThat(scram("alice", "wonderland")).containsExactly("235 2.7.0 Authentication successful");
    send("MAIL FROM:<alice@example.test>\r\nRCPT TO:<bob@example.test>\r\nDATA\r\nhi\r\n.\r\n");
    SmtpSessionInfo info = backend.delivered().get(0).session();
    assertThat(info.authenticatedUser()).isEqualTo("alice");
    assertThat(info.protocolName()).isEqualTo("ESMTPSA");
  }

  @Test
  void scramWithAWrongPasswordOrAnUnknownUserFailsOnlyAtTheEnd() throws Exception {
    open(TestSmtp.submissionConfig(), IMPLICIT_TLS);
    send("EHLO client.test\r\n");
    assertThat(scram("alice", "wrong"))
        .containsExactly("535 5.7.8 Authentication credentials invalid");
    assertThat(scram("nobody", "anything"))
        .containsExactly("535 5.7.8 Authentication credentials invalid");
    assertThat(backend.authCalls()).containsExactly("scram alice", "scram nobody");
  }

  @Test
  void anUnavailableBackendIsA454() throws Exception {
    open(TestSmtp.submissionConfig(), IMPLICIT_TLS);
    send("EHLO client.test\r\n");
    backend.authUnavailable(true);
    assertThat(send("AUTH PLAIN " + b64("\0alice\0wonderland") + "\r\n"))
        .containsExactly("454 4.7.0 Temporary authentication failure");
    assertThat(scram("alice", "wonderland"))
        .containsExactly("454 4.7.0 Temporary authentication failure");
    backend.authUnavailable(false);
    assertThat(send("AUTH PLAIN " + b64("\0alice\0wonderland") + "\r\n"))
        .containsExactly("235 2.7.0 Authentication successful");
  }

  @Test
  void
      aUserWithTooManyFailuresFromANetworkIsRefusedThereWithoutAskingTheBackendUntilTheWindowPasses() {
    open(TestSmtp.submissionConfig(), IMPLICIT_TLS);
    send("EHLO client.test\r\n");
    for (int i = 0; i < 3; i++) {
      assertThat(send("AUTH PLAIN " + b64("\0alice\0guess" + i) + "\r\n"))
          .containsExactly("535 5.7.8 Authentication credentials invalid");
    }
    int calls = backend.authCalls().size();
    assertThat(send("AUTH PLAIN " + b64("\0alice\0wonderland") + "\r\n"))
        .containsExactly("454 4.7.0 Too many authentication failures, try again later");
    assertThat(backend.authCalls()).hasSize(calls);
    // another user from the same address is still fine (3 of 5 address failures used)
    assertThat(send("AUTH PLAIN " + b64("\0bob\0builder") + "\r\n"))
        .containsExactly("235 2.7.0 Authentication successful");
    open(TestSmtp.submissionConfig(), FROM_ELSEWHERE);
    send("EHLO client.test\r\n");
    assertThat(send("AUTH PLAIN " + b64("\0alice\0wonderland") + "\r\n"))
        .as("the owner on another network is not locked out")
        .containsExactly("235 2.7.0 Authentication successful");
    open(TestSmtp.submissionConfig(), IMPLICIT_TLS);
    send("EHLO client.test\r\n");
    clock.advance(Duration.ofMinutes(15));
    assertThat(send("AUTH PLAIN " + b64("\0alice\0wonderland") + "\r\n"))
        .containsExactly("235 2.7.0 Authentication successful");
  }

  @Test
  void implicitTlsRefusesStartTlsAndOffersAuthAtOnce() {
    open(TestSmtp.submissionConfig(), IMPLICIT_TLS);
    List<String> ehlo = send("EHLO client.test\r\n");
    assertThat(ehlo).doesNotContain("250-STARTTLS").contains("250-AUTH SCRAM-SHA-256 PLAIN LOGIN");
    assertThat(send("STARTTLS\r\n")).containsExactly("503 5.5.1 Error: TLS already active");
    assertThat(out.takeTlsRequest()).isFalse();
  }

  @Test
  void startTlsForgetsAnEarlierAuthenticationAndMakesTheSessionSecure() {
    open(TestSmtp.cleartextAuthConfig().withTlsAvailable(true), TestSmtp.CONNECTION);
    send("EHLO client.test\r\n");
    assertThat(send("AUTH PLAIN " + b64("\0alice\0wonderland") + "\r\n"))
        .containsExactly("235 2.7.0 Authentication successful");
    assertThat(session.info().protocolName()).isEqualTo("ESMTPA");
    assertThat(send("STARTTLS\r\n")).containsExactly("220 2.0.0 Ready to start TLS");
    assertThat(out.takeTlsRequest()).isTrue();
    assertThat(session.info().authenticatedUser()).isNull();
    assertThat(session.info().connection().secure()).isTrue();
    send("EHLO client.test\r\n");
    send("MAIL FROM:<carol@sender.test>\r\nRCPT TO:<bob@example.test>\r\nDATA\r\nhi\r\n.\r\n");
    assertThat(backend.delivered().get(0).session().protocolName()).isEqualTo("ESMTPS");
  }

  @Test
  void commandsPipelinedAfterStartTlsNeverReachTheBackend() {
    open(TestSmtp.tlsConfig(), TestSmtp.CONNECTION);
    send("EHLO client.test\r\n");
    List<String> replies =
        send(
            "STARTTLS\r\nEHLO evil.test\r\nMAIL FROM:<mallory@evil.test>\r\n"
                + "RCPT TO:<alice@example.test>\r\nDATA\r\ninjected\r\n.\r\n");
    assertThat(replies).containsExactly("220 2.0.0 Ready to start TLS");
    assertThat(session.info().heloName()).isNull();
    assertThat(backend.sinks()).isEmpty();
    assertThat(backend.delivered()).isEmpty();
  }
}
