package dev.yubin.protocol.smtp;

import dev.yubin.protocol.LineAssembler.Line;
import dev.yubin.protocol.sasl.AuthResult;
import dev.yubin.protocol.sasl.SaslAuthenticator;
import dev.yubin.protocol.sasl.SaslExchange;
import dev.yubin.protocol.sasl.SaslMechanism;
import dev.yubin.protocol.sasl.SaslStep;
import dev.yubin.protocol.sasl.ScramCredentials;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * One AUTH exchange on the wire (RFC 4954 §4): challenges go out as {@code 334 base64}, each client
 * line is a base64 response, {@code *} cancels (501 5.0.0), undecodable base64 ends it (501 5.5.2),
 * and a response line longer than 12,288 octets ends it with 500 5.5.6 once the line is over,
 * holding no more than that in memory. Additional data with success (SCRAM's server signature) is
 * sent as a challenge the client answers with an empty line.
 *
 * <p>Every rejection counts for the client's network and user name in the {@link
 * dev.yubin.protocol.sasl.AuthFailureLimiter}; a user name that has used up its failures from this
 * network is rejected without asking the backend, and the exchange ends with 454 4.7.0.
 */
final class AuthExchange {

  /** RFC 4954 §4: a SASL response line may be up to 12,288 octets, without CRLF. */
  static final int MAX_RESPONSE_LENGTH = 12_288;

  private static final System.Logger LOG = System.getLogger(AuthExchange.class.getName());

  private final SmtpSession session;
  private final SaslExchange exchange;
  private final ByteArrayOutputStream response = new ByteArrayOutputStream();
  private boolean overlong;
  private boolean throttled;
  private boolean backendFailed;

  AuthExchange(SmtpSession session, SaslMechanism mechanism) {
    this.session = session;
    this.exchange = mechanism.start(new Authenticator());
  }

  /** Runs the first step, with the initial response if the client gave one. */
  SmtpResponse start(String initialResponse) {
    byte[] first = null;
    if (initialResponse != null) {
      if (initialResponse.equals("*")) {
        return SmtpResponse.of(SmtpReplies.AUTH_CANCELLED);
      }
      first = initialResponse.equals("=") ? new byte[0] : decode(initialResponse);
      if (first == null) {
        return SmtpResponse.of(SmtpReplies.AUTH_BAD_BASE64);
      }
    }
    return step(first);
  }

  /** One line, or piece of an overlong line, from the client; null while the line goes on. */
  SmtpResponse accept(Line line) {
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
      return end(SmtpReplies.AUTH_LINE_TOO_LONG);
    }
    String text = response.toString(StandardCharsets.US_ASCII);
    response.reset();
    if (text.equals("*")) {
      return end(SmtpReplies.AUTH_CANCELLED);
    }
    byte[] decoded = decode(text);
    if (decoded == null) {
      return end(SmtpReplies.AUTH_BAD_BASE64);
    }
    return step(decoded);
  }

  private SmtpResponse step(byte[] clientResponse) {
    SaslStep step = exchange.step(clientResponse);
    if (step instanceof SaslStep.Challenge challenge) {
      session.continueAuth(this);
      return SmtpResponse.plain(334, Base64.getEncoder().encodeToString(challenge.data()));
    }
    AuthResult result = ((SaslStep.Done) step).result();
    if (result.isAccepted()) {
      session.authenticated(result.identity());
      return end(SmtpReplies.AUTH_SUCCEEDED);
    }
    if (throttled) {
      return end(SmtpReplies.AUTH_THROTTLED);
    }
    if (backendFailed || result.outcome() == AuthResult.Outcome.UNAVAILABLE) {
      return end(SmtpReplies.AUTH_UNAVAILABLE);
    }
    session.authFailures().recordFailure(session.connection().remoteAddress(), exchange.user());
    return end(SmtpReplies.AUTH_FAILED);
  }

  private SmtpResponse end(dev.yubin.protocol.Reply reply) {
    session.endAuth();
    return SmtpResponse.of(reply);
  }

  /** Base64 of RFC 4648 §4, padding optional; null if the text is not that. */
  private static byte[] decode(String text) {
    try {
      return Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      return null; // the caller answers 501 5.5.2
    }
  }

  /** The backend for this session, behind the per-user throttle; failures become UNAVAILABLE. */
  private final class Authenticator implements SaslAuthenticator {

    @Override
    public AuthResult authenticate(String authorizationId, String user, String password) {
      if (session.authFailures().isUserBlocked(session.connection().remoteAddress(), user)) {
        throttled = true;
        return AuthResult.rejected();
      }
      try {
        return session.backend().authenticate(session.info(), authorizationId, user, password);
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "authentication backend failed", e);
        return AuthResult.unavailable();
      }
    }

    @Override
    public ScramCredentials scramCredentials(String user) {
      if (session.authFailures().isUserBlocked(session.connection().remoteAddress(), user)) {
        throttled = true;
        return null;
      }
      try {
        return session.backend().scramCredentials(session.info(), user);
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "authentication backend failed", e);
        backendFailed = true;
        return null;
      }
    }
  }
}
