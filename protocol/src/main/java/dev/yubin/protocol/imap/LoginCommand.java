package dev.yubin.protocol.imap;

import dev.yubin.protocol.imap.wire.ArgumentReader;
import dev.yubin.protocol.sasl.AuthResult;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code LOGIN user password}. Refused in clear from other machines (LOGINDISABLED,
 * PRIVACYREQUIRED) unless configured. Failures count per client and user with the other protocols';
 * once either has used them up, LOGIN is refused without asking the backend.
 *
 * @see "RFC 3501 §6.2.3, RFC 5530 (response codes)"
 */
final class LoginCommand extends ImapCommand {

  LoginCommand() {
    super("LOGIN", NOT_AUTHENTICATED);
  }

  @Override
  List<String> capabilities(ImapSession session) {
    return session.state() == ImapState.NOT_AUTHENTICATED && !session.cleartextLoginAllowed()
        ? List.of("LOGINDISABLED")
        : List.of();
  }

  @Override
  Completion execute(ImapSession session, Request request) {
    ArgumentReader args = request.args();
    args.space();
    String user = args.astring();
    args.space();
    String password = new String(args.astringBytes(), StandardCharsets.UTF_8);
    args.end();
    if (!session.cleartextLoginAllowed()) {
      return Completion.no("PRIVACYREQUIRED", "LOGIN only after STARTTLS");
    }
    return Authentication.finish(
        session,
        user,
        () ->
            session
                .backend()
                .authenticate(session.connection().remoteAddress(), null, user, password));
  }

  /**
   * Shared by LOGIN and AUTHENTICATE: the replies, the state change, and for LOGIN the throttling
   * (AUTHENTICATE's is in its {@link dev.yubin.protocol.sasl.SaslConversation}).
   */
  static final class Authentication {

    private Authentication() {}

    interface Check {
      AuthResult run();
    }

    static Completion finish(ImapSession session, String user, Check check) {
      String client = session.connection().remoteAddress();
      if (session.authFailures().isUserBlocked(client, user)) {
        return throttled();
      }
      AuthResult result = check.run();
      return switch (result.outcome()) {
        case ACCEPTED -> accepted(session, result.identity());
        case REJECTED -> {
          session.authFailures().recordFailure(client, user);
          yield rejected();
        }
        case UNAVAILABLE -> unavailable();
      };
    }

    /** Logged in: the new state, and the capabilities of that state in the tagged OK. */
    static Completion accepted(ImapSession session, String identity) {
      session.authenticated(identity);
      return Completion.ok("CAPABILITY " + String.join(" ", session.capabilities()), "Logged in");
    }

    static Completion rejected() {
      return Completion.no("AUTHENTICATIONFAILED", "Authentication failed");
    }

    static Completion throttled() {
      return Completion.no("UNAVAILABLE", "too many failed logins, try again later");
    }

    static Completion unavailable() {
      return Completion.no("UNAVAILABLE", "authentication unavailable, try later");
    }
  }
}
