package dev.yubin.protocol.imap;

import dev.yubin.protocol.imap.LoginCommand.Authentication;
import dev.yubin.protocol.imap.wire.ArgumentReader;
import dev.yubin.protocol.imap.wire.ImapRequest;
import dev.yubin.protocol.sasl.AuthResult;
import dev.yubin.protocol.sasl.SaslAuthenticator;
import dev.yubin.protocol.sasl.SaslConversation;
import dev.yubin.protocol.sasl.SaslConversation.Outcome;
import dev.yubin.protocol.sasl.SaslMechanism;
import dev.yubin.protocol.sasl.ScramCredentials;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code AUTHENTICATE mechanism [initial-response]}: a SASL exchange, challenges as {@code +
 * base64} continuation requests, each client line a base64 response. {@code *} cancels and
 * undecodable base64 ends the exchange, both with BAD; an initial response {@code =} is an empty
 * one (SASL-IR). Mechanisms that send the password as it is (PLAIN, LOGIN) are neither listed nor
 * accepted where LOGIN is not (PRIVACYREQUIRED); SCRAM-SHA-256 is. Failures are throttled with
 * LOGIN's and the other protocols', and end with LOGIN's replies; success returns the new
 * capabilities.
 *
 * @see "RFC 9051 §6.2.2, RFC 3501 §6.2.2, RFC 4959 (SASL-IR), RFC 4422"
 */
final class AuthenticateCommand extends ImapCommand {

  private static final Completion TOO_LONG = Completion.bad("TOOBIG", "response line too long");

  private final List<SaslMechanism> mechanisms;

  /**
   * @param mechanisms the mechanisms offered, in the order listed
   */
  AuthenticateCommand(List<SaslMechanism> mechanisms) {
    super("AUTHENTICATE", NOT_AUTHENTICATED);
    this.mechanisms = List.copyOf(mechanisms);
  }

  @Override
  List<String> capabilities(ImapSession session) {
    if (session.state() != ImapState.NOT_AUTHENTICATED) {
      return List.of();
    }
    List<String> capabilities = new ArrayList<>();
    for (SaslMechanism mechanism : mechanisms) {
      if (isAllowed(session, mechanism)) {
        capabilities.add("AUTH=" + mechanism.name());
      }
    }
    capabilities.add("SASL-IR");
    return capabilities;
  }

  @Override
  Completion execute(ImapSession session, Request request) {
    ArgumentReader args = request.args();
    args.space();
    String name = args.atom().toUpperCase(Locale.ROOT);
    String initialResponse = null;
    if (!args.atEnd()) {
      args.space();
      initialResponse = args.atom();
    }
    args.end();
    SaslMechanism mechanism =
        mechanisms.stream().filter(m -> m.name().equals(name)).findFirst().orElse(null);
    if (mechanism == null) {
      return Completion.no("unsupported authentication mechanism");
    }
    if (!isAllowed(session, mechanism)) {
      return Completion.no("PRIVACYREQUIRED", name + " only after STARTTLS");
    }
    SaslConversation conversation =
        new SaslConversation(
            mechanism,
            new Backend(session),
            session.authFailures(),
            session.connection().remoteAddress());
    return next(session, request.tag(), conversation, conversation.start(initialResponse));
  }

  private static boolean isAllowed(ImapSession session, SaslMechanism mechanism) {
    return !mechanism.isPlaintext() || session.cleartextLoginAllowed();
  }

  /** Sends a challenge and waits for the response, or ends the command. */
  private static Completion next(
      ImapSession session, String tag, SaslConversation conversation, Outcome outcome) {
    if (outcome instanceof Outcome.Challenge challenge) {
      session.out().writeLine("+ " + challenge.base64());
      session.setContinuation(new Authenticating(tag, conversation));
      return Completion.PENDING;
    }
    if (outcome instanceof Outcome.Accepted accepted) {
      return Authentication.accepted(session, accepted.identity());
    }
    return switch (((Outcome.Failed) outcome).failure()) {
      case CANCELLED -> Completion.bad("authentication cancelled");
      case MALFORMED -> Completion.bad("invalid base64 data");
      case TOO_LONG -> TOO_LONG;
      case REJECTED -> Authentication.rejected();
      case THROTTLED -> Authentication.throttled();
      case UNAVAILABLE -> Authentication.unavailable();
    };
  }

  /** Waits for the client's next response line. */
  private record Authenticating(String tag, SaslConversation conversation) implements Continuation {

    @Override
    public void line(ImapSession session, ImapRequest line) {
      session.setContinuation(null);
      Completion completion = next(session, tag, conversation, conversation.respond(line.text()));
      if (completion != Completion.PENDING) {
        session.complete(tag, completion);
      }
    }

    @Override
    public void tooLong(ImapSession session) {
      session.setContinuation(null);
      session.complete(tag, TOO_LONG);
    }
  }

  /** The IMAP backend, for this client. */
  private record Backend(ImapSession session) implements SaslAuthenticator {

    @Override
    public AuthResult authenticate(String authorizationId, String user, String password) {
      return session
          .backend()
          .authenticate(session.connection().remoteAddress(), authorizationId, user, password);
    }

    @Override
    public ScramCredentials scramCredentials(String user) {
      return session.backend().scramCredentials(session.connection().remoteAddress(), user);
    }
  }
}
