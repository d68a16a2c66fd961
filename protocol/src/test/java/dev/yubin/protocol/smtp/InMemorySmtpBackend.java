package dev.yubin.protocol.smtp;

import dev.yubin.protocol.Reply;
import dev.yubin.protocol.sasl.AuthResult;
import dev.yubin.protocol.sasl.ScramCredentials;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A backend in memory: local domain {@code example.test} with alice, bob and postmaster; other
 * domains are relay-denied. Delivered messages are kept for assertions; failures can be switched
 * on. Accounts: alice (password {@code wonderland}) and bob ({@code builder}); their SCRAM
 * credentials are derived from the password with PBKDF2WithHmacSHA256, as the application does.
 */
final class InMemorySmtpBackend implements SmtpBackend {

  static final String LOCAL_DOMAIN = "example.test";
  private static final Set<String> LOCAL_USERS = Set.of("alice", "bob", "postmaster");
  static final Map<String, String> PASSWORDS = Map.of("alice", "wonderland", "bob", "builder");
  static final int SCRAM_ITERATIONS = 4096;

  /** One message as the backend received it. */
  record DeliveredMessage(SmtpSessionInfo session, Envelope envelope, byte[] content) {
    String text() {
      return new String(content, StandardCharsets.ISO_8859_1);
    }
  }

  /** What {@link #deliver} does. */
  enum DeliveryMode {
    STORE,
    DEFER,
    THROW
  }

  private final List<DeliveredMessage> delivered = new ArrayList<>();
  private final List<InMemorySink> sinks = new ArrayList<>();
  private DeliveryMode deliveryMode = DeliveryMode.STORE;
  private boolean senderCheckThrows;
  private boolean openMessageThrows;
  private long sinkFailsAfter = Long.MAX_VALUE;
  private boolean authUnavailable;
  private final List<String> authCalls = new ArrayList<>();

  /** Every authenticate/scramCredentials call, as "authenticate authzid user" or "scram user". */
  List<String> authCalls() {
    return authCalls;
  }

  void authUnavailable(boolean unavailable) {
    this.authUnavailable = unavailable;
  }

  @Override
  public AuthResult authenticate(
      SmtpSessionInfo session, String authorizationId, String user, String password) {
    authCalls.add("authenticate " + authorizationId + " " + user);
    if (authUnavailable) {
      return AuthResult.unavailable();
    }
    String name = user.toLowerCase(Locale.ROOT);
    if (authorizationId != null && !authorizationId.equalsIgnoreCase(user)) {
      return AuthResult.rejected();
    }
    return password.equals(PASSWORDS.get(name)) ? AuthResult.accepted(name) : AuthResult.rejected();
  }

  @Override
  public ScramCredentials scramCredentials(SmtpSessionInfo session, String user) {
    authCalls.add("scram " + user);
    if (authUnavailable) {
      throw new IllegalStateException("credential store down");
    }
    String password = PASSWORDS.get(user);
    if (password == null) {
      return null;
    }
    byte[] salt = ("salt-of-" + user).getBytes(StandardCharsets.UTF_8);
    return ScramCredentials.fromSaltedPassword(salt, SCRAM_ITERATIONS, pbkdf2(password, salt));
  }

  static byte[] pbkdf2(String password, byte[] salt) {
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
          .generateSecret(new PBEKeySpec(password.toCharArray(), salt, SCRAM_ITERATIONS, 256))
          .getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  List<DeliveredMessage> delivered() {
    return delivered;
  }

  /** Every sink handed out, in order. */
  List<InMemorySink> sinks() {
    return sinks;
  }

  void deliveryMode(DeliveryMode mode) {
    this.deliveryMode = mode;
  }

  void senderCheckThrows(boolean throwing) {
    this.senderCheckThrows = throwing;
  }

  void openMessageThrows(boolean throwing) {
    this.openMessageThrows = throwing;
  }

  /** Sinks opened from now on throw an IOException once they would hold more bytes than this. */
  void sinkFailsAfter(long bytes) {
    this.sinkFailsAfter = bytes;
  }

  @Override
  public Reply checkSender(SmtpSessionInfo session, String reversePath) {
    if (senderCheckThrows) {
      throw new IllegalStateException("sender database down");
    }
    return Reply.of(250, "2.1.0", "Ok");
  }

  @Override
  public Reply checkRecipient(SmtpSessionInfo session, String reversePath, String forwardPath) {
    if (forwardPath.equals("postmaster")) {
      return Reply.of(250, "2.1.5", "Ok");
    }
    int at = forwardPath.lastIndexOf('@');
    String local = forwardPath.substring(0, at).toLowerCase(Locale.ROOT);
    String domain = forwardPath.substring(at + 1);
    if (!domain.equalsIgnoreCase(LOCAL_DOMAIN)) {
      return Reply.of(550, "5.7.1", "<" + forwardPath + ">: Relay access denied");
    }
    if (!LOCAL_USERS.contains(local)) {
      return Reply.of(
          550,
          "5.1.1",
          "<"
              + forwardPath
              + ">: Recipient address rejected: User unknown in local recipient table");
    }
    return Reply.of(250, "2.1.5", "Ok");
  }

  @Override
  public MessageSink openMessage(SmtpSessionInfo session) {
    if (openMessageThrows) {
      throw new IllegalStateException("spool unavailable");
    }
    InMemorySink sink = new InMemorySink(sinkFailsAfter);
    sinks.add(sink);
    return sink;
  }

  @Override
  public Reply deliver(SmtpSessionInfo session, Envelope envelope, MessageSink content) {
    switch (deliveryMode) {
      case DEFER -> {
        content.discard();
        return Reply.of(451, "4.3.0", "Error: queue file write error");
      }
      case THROW -> throw new IllegalStateException("queue unavailable");
      default -> {
        delivered.add(new DeliveredMessage(session, envelope, ((InMemorySink) content).bytes()));
        return Reply.of(250, "2.0.0", "Ok: queued as M" + delivered.size());
      }
    }
  }

  /** Keeps the content in memory. */
  static final class InMemorySink implements MessageSink {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final long failsAfter;
    private boolean discarded;

    InMemorySink(long failsAfter) {
      this.failsAfter = failsAfter;
    }

    @Override
    public void write(byte[] data, int offset, int length) throws IOException {
      if (discarded) {
        throw new IOException("write after discard");
      }
      if (bytes.size() + length > failsAfter) {
        throw new IOException("disk full");
      }
      bytes.write(data, offset, length);
    }

    @Override
    public long size() {
      return bytes.size();
    }

    @Override
    public void discard() {
      discarded = true;
      bytes.reset();
    }

    boolean isDiscarded() {
      return discarded;
    }

    byte[] bytes() {
      return bytes.toByteArray();
    }
  }
}
