package dev.yubin.protocol.pop3;

import dev.yubin.protocol.CanonicalAddress;
import dev.yubin.protocol.LineAssembler.Line;
import dev.yubin.protocol.Output;
import dev.yubin.protocol.sasl.AuthResult;
import dev.yubin.protocol.sasl.SaslAuthenticator;
import dev.yubin.protocol.sasl.SaslConversation;
import dev.yubin.protocol.sasl.SaslConversation.Outcome;
import dev.yubin.protocol.sasl.SaslMechanism;
import dev.yubin.protocol.sasl.ScramCredentials;

/**
 * One AUTH exchange on the wire (RFC 5034 §4), a {@link SaslConversation} in POP3's replies:
 * challenges go out as {@code + base64}, each client line is a base64 response of up to 12,288
 * octets (not bound by the 255 of a command line); {@code *}, bad base64 and an overlong line end
 * it with {@code -ERR}. Success enters TRANSACTION as PASS does; failures are PASS's replies and
 * count with its throttle.
 */
final class AuthExchange {

  private final Pop3Session session;
  private final SaslConversation conversation;

  AuthExchange(Pop3Session session, SaslMechanism mechanism) {
    this.session = session;
    this.conversation =
        new SaslConversation(
            mechanism, new Backend(session), session.authFailures(), session.clientAddress());
  }

  /** Runs the first step, with the initial response if the client gave one. */
  void start(String initialResponse, Output out) {
    reply(conversation.start(initialResponse), out);
  }

  /** One line, or piece of an overlong line, from the client. */
  void accept(Line line, Output out) {
    Outcome outcome = conversation.accept(line);
    if (outcome != null) {
      reply(outcome, out);
    }
  }

  private void reply(Outcome outcome, Output out) {
    if (outcome instanceof Outcome.Challenge challenge) {
      session.continueAuth(this);
      out.writeLine("+ " + challenge.base64());
      return;
    }
    session.endAuth();
    if (outcome instanceof Outcome.Accepted accepted) {
      Pop3Logins.enter(session, accepted.identity(), out);
      return;
    }
    throw switch (((Outcome.Failed) outcome).failure()) {
      case CANCELLED -> new Pop3CommandException("authentication cancelled");
      case MALFORMED -> new Pop3CommandException("invalid base64 data");
      case TOO_LONG -> new Pop3CommandException("response line too long");
      case REJECTED -> Pop3Logins.rejected();
      case THROTTLED -> Pop3Logins.throttled();
      case UNAVAILABLE -> Pop3Logins.unavailable();
    };
  }

  /**
   * The POP3 backend for this client. An authorization identity must name the account that logs in
   * (the backend has no notion of acting as another user).
   */
  private record Backend(Pop3Session session) implements SaslAuthenticator {

    @Override
    public AuthResult authenticate(String authorizationId, String user, String password) {
      Pop3Login login = session.backend().login(user, password, session.clientAddress());
      return switch (login.outcome()) {
        case ACCEPTED ->
            authorizationId == null
                    || authorizationId.isEmpty()
                    || CanonicalAddress.key(authorizationId)
                        .equals(CanonicalAddress.key(login.principal()))
                ? AuthResult.accepted(login.principal())
                : AuthResult.rejected();
        case REJECTED -> AuthResult.rejected();
        case UNAVAILABLE -> AuthResult.unavailable();
      };
    }

    @Override
    public ScramCredentials scramCredentials(String user) {
      return session.backend().scramCredentials(user, session.clientAddress());
    }
  }
}
