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

  /** Shared by LOGIN and AUTHENTICATE: throttling, the backend's verdict, the state change. */
  static final class Authentication {

    private Authentication() {}

    interface Check {
      AuthResult run();
    }

    static Completion finish(ImapSession session, String user, Check check) {
      String client = session.connection().remoteAddress();
      if (session.authFailures().isUserBlocked(client, user)) {
        return Completion.no("UNAVAILABLE", "too many failed logins, try again later");
      }
      AuthResult result = check.run();
      return switch (result.outcome()) {
        case ACCEPTED -> {
          session.authenticated(result.identity());
          yield Completion.ok(
              "CAPABILITY " + String.join(" ", session.capabilities()), "Logged in");
        }
        case REJECTED -> {
          session.authFailures().recordFailure(client, user);
          yield Completion.no("AUTHENTICATIONFAILED", "Authentication failed");
        }
        case UNAVAILABLE -> Completion.no("UNAVAILABLE", "authentication unavailable, try later");
      };
    }
  }
}
