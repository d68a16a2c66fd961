package dev.yubin.protocol.sasl;

import dev.yubin.protocol.LineAssembler.Line;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * One SASL exchange as the mail protocols carry it (RFC 4422 §4): responses arrive base64-encoded
 * (RFC 4648 §4, padding optional), {@code *} cancels, an initial response {@code =} is an empty
 * one, and challenges leave base64-encoded. SMTP AUTH, IMAP AUTHENTICATE and POP3 AUTH only turn
 * its outcomes into their replies.
 *
 * <p>Failures are throttled here for all of them: a client network that has used up its failures is
 * refused before the mechanism starts, a user name that has used them up from this network is
 * refused without asking the backend, and every rejection is recorded in the shared {@link
 * AuthFailureLimiter}. A backend that throws is {@link Failure#UNAVAILABLE}. A response line may
 * hold {@value #MAX_RESPONSE_LENGTH} octets (RFC 4954 §4); no more is kept in memory.
 *
 * <p>Not thread-safe; one per attempt.
 */
public final class SaslConversation {

  /** RFC 4954 §4: a SASL response line may be up to 12,288 octets, without CRLF. */
  public static final int MAX_RESPONSE_LENGTH = 12_288;

  private static final System.Logger LOG = System.getLogger(SaslConversation.class.getName());

  /** Why an exchange ended without authenticating. */
  public enum Failure {
    /** The client sent {@code *}. */
    CANCELLED,
    /** A response was not base64. */
    MALFORMED,
    /** A response line exceeded {@link #MAX_RESPONSE_LENGTH}. */
    TOO_LONG,
    /** Bad credentials (counted as a failure). */
    REJECTED,
    /** The client network or the user has used up its failures; the backend was not asked. */
    THROTTLED,
    /** The credential store could not answer. */
    UNAVAILABLE
  }

  /** What the engine says next. */
  public sealed interface Outcome {
    /** Send this challenge, already base64-encoded, and pass on the client's next line. */
    record Challenge(String base64) implements Outcome {}

    /** Authenticated as {@code identity}, the backend's canonical account name. */
    record Accepted(String identity) implements Outcome {}

    /** The exchange is over without authentication. */
    record Failed(Failure failure) implements Outcome {}
  }

  private final SaslExchange exchange;
  private final AuthFailureLimiter limiter;
  private final String clientAddress;
  private final ByteArrayOutputStream response = new ByteArrayOutputStream();
  private boolean overlong;
  private boolean throttled;
  private boolean backendFailed;

  /**
   * @param backend the credential store for this session; its methods may throw
   * @param limiter the failure counts shared by all listeners
   * @param clientAddress the client's IP address literal
   */
  public SaslConversation(
      SaslMechanism mechanism,
      SaslAuthenticator backend,
      AuthFailureLimiter limiter,
      String clientAddress) {
    this.limiter = Objects.requireNonNull(limiter, "limiter");
    this.clientAddress = Objects.requireNonNull(clientAddress, "clientAddress");
    this.exchange = mechanism.start(new Guarded(Objects.requireNonNull(backend, "backend")));
  }

  /**
   * Runs the first step.
   *
   * @param initialResponse the initial response as sent (base64, or {@code =} for an empty one), or
   *     null when the client gave none
   */
  public Outcome start(String initialResponse) {
    if (limiter.isNetworkBlocked(clientAddress)) {
      return new Outcome.Failed(Failure.THROTTLED);
    }
    if (initialResponse == null) {
      return step(null);
    }
    return initialResponse.equals("=") ? step(new byte[0]) : respond(initialResponse);
  }

  /** A whole response line (without its line end). */
  public Outcome respond(String line) {
    if (line.equals("*")) {
      return new Outcome.Failed(Failure.CANCELLED);
    }
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(line);
    } catch (IllegalArgumentException e) {
      return new Outcome.Failed(Failure.MALFORMED);
    }
    return step(decoded);
  }

  /**
   * A response line, or a piece of an overlong one, from a line assembler: null while the line goes
   * on; {@link Failure#TOO_LONG} once a line longer than {@link #MAX_RESPONSE_LENGTH} is over.
   */
  public Outcome accept(Line line) {
    if (!overlong) {
      if (response.size() + line.length() > MAX_RESPONSE_LENGTH) {
        overlong = true;
        response.reset();
      } else {
        response.write(line.bytes(), 0, line.length());
      }
    }
    if (!line.terminated()) {
      return null;
    }
    if (overlong) {
      return new Outcome.Failed(Failure.TOO_LONG);
    }
    String text = response.toString(StandardCharsets.US_ASCII);
    response.reset();
    return respond(text);
  }

  private Outcome step(byte[] clientResponse) {
    SaslStep step = exchange.step(clientResponse);
    if (step instanceof SaslStep.Challenge challenge) {
      return new Outcome.Challenge(Base64.getEncoder().encodeToString(challenge.data()));
    }
    AuthResult result = ((SaslStep.Done) step).result();
    if (result.isAccepted()) {
      return new Outcome.Accepted(result.identity());
    }
    if (throttled) {
      return new Outcome.Failed(Failure.THROTTLED);
    }
    if (backendFailed || result.outcome() == AuthResult.Outcome.UNAVAILABLE) {
      return new Outcome.Failed(Failure.UNAVAILABLE);
    }
    limiter.recordFailure(clientAddress, exchange.user());
    return new Outcome.Failed(Failure.REJECTED);
  }

  /** The backend behind the per-user throttle; its failures become UNAVAILABLE. */
  private final class Guarded implements SaslAuthenticator {

    private final SaslAuthenticator backend;

    Guarded(SaslAuthenticator backend) {
      this.backend = backend;
    }

    @Override
    public AuthResult authenticate(String authorizationId, String user, String password) {
      if (limiter.isUserBlocked(clientAddress, user)) {
        throttled = true;
        return AuthResult.rejected();
      }
      try {
        return backend.authenticate(authorizationId, user, password);
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "authentication backend failed", e);
        return AuthResult.unavailable();
      }
    }

    @Override
    public ScramCredentials scramCredentials(String user) {
      if (limiter.isUserBlocked(clientAddress, user)) {
        throttled = true;
        return null;
      }
      try {
        return backend.scramCredentials(user);
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "authentication backend failed", e);
        backendFailed = true;
        return null;
      }
    }
  }
}
