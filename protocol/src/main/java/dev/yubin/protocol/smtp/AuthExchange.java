package dev.yubin.protocol.smtp;

import dev.yubin.protocol.LineAssembler.Line;
import dev.yubin.protocol.Reply;
import dev.yubin.protocol.sasl.AuthResult;
import dev.yubin.protocol.sasl.SaslAuthenticator;
import dev.yubin.protocol.sasl.SaslConversation;
import dev.yubin.protocol.sasl.SaslConversation.Outcome;
import dev.yubin.protocol.sasl.SaslMechanism;
import dev.yubin.protocol.sasl.ScramCredentials;

/**
 * One AUTH exchange on the wire (RFC 4954 §4), a {@link SaslConversation} in SMTP's replies:
 * challenges go out as {@code 334 base64}, {@code *} cancels (501 5.0.0), undecodable base64 ends
 * it (501 5.5.2), a response line longer than 12,288 octets ends it with 500 5.5.6 once the line is
 * over, a throttled network or user gets 454 4.7.0. Additional data with success (SCRAM's server
 * signature) is sent as a challenge the client answers with an empty line.
 */
final class AuthExchange {

  private final SmtpSession session;
  private final SaslConversation conversation;

  AuthExchange(SmtpSession session, SaslMechanism mechanism) {
    this.session = session;
    this.conversation =
        new SaslConversation(
            mechanism,
            new Backend(session),
            session.authFailures(),
            session.connection().remoteAddress());
  }

  /** Runs the first step, with the initial response if the client gave one. */
  SmtpResponse start(String initialResponse) {
    return reply(conversation.start(initialResponse));
  }

  /** One line, or piece of an overlong line, from the client; null while the line goes on. */
  SmtpResponse accept(Line line) {
    Outcome outcome = conversation.accept(line);
    return outcome == null ? null : reply(outcome);
  }

  private SmtpResponse reply(Outcome outcome) {
    if (outcome instanceof Outcome.Challenge challenge) {
      session.continueAuth(this);
      return SmtpResponse.plain(334, challenge.base64());
    }
    session.endAuth();
    if (outcome instanceof Outcome.Accepted accepted) {
      session.authenticated(accepted.identity());
      return SmtpResponse.of(SmtpReplies.AUTH_SUCCEEDED);
    }
    Reply reply =
        switch (((Outcome.Failed) outcome).failure()) {
          case CANCELLED -> SmtpReplies.AUTH_CANCELLED;
          case MALFORMED -> SmtpReplies.AUTH_BAD_BASE64;
          case TOO_LONG -> SmtpReplies.AUTH_LINE_TOO_LONG;
          case REJECTED -> SmtpReplies.AUTH_FAILED;
          case THROTTLED -> SmtpReplies.AUTH_THROTTLED;
          case UNAVAILABLE -> SmtpReplies.AUTH_UNAVAILABLE;
        };
    return SmtpResponse.of(reply);
  }

  /** The SMTP backend for this session. */
  private record Backend(SmtpSession session) implements SaslAuthenticator {

    @Override
    public AuthResult authenticate(String authorizationId, String user, String password) {
      return session.backend().authenticate(session.info(), authorizationId, user, password);
    }

    @Override
    public ScramCredentials scramCredentials(String user) {
      return session.backend().scramCredentials(session.info(), user);
    }
  }
}
