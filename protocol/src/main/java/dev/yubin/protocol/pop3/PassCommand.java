package dev.yubin.protocol.pop3;

import dev.yubin.protocol.Output;

/**
 * {@code PASS password}, right after USER: logs in and locks the maildrop. The password is the rest
 * of the line, spaces included. A failed PASS needs a new USER. Failures count per client network,
 * and per network and user name (shared with SMTP AUTH); once either has used up its failures, PASS
 * is refused with SYS/TEMP without asking the backend.
 *
 * @see "RFC 1939 §7, RFC 2449 §8.1.1 (IN-USE), RFC 3206 (AUTH, SYS/TEMP)"
 */
final class PassCommand extends Pop3Command {

  PassCommand() {
    super("PASS", AUTHORIZATION);
  }

  @Override
  void execute(Pop3Session session, String argument, Output out) {
    String user = session.userFromPreviousCommand();
    if (user == null) {
      throw new Pop3CommandException("PASS must follow USER");
    }
    if (argument.isEmpty()) {
      throw new Pop3CommandException("syntax: PASS password");
    }
    if (session.authFailures().isUserBlocked(session.clientAddress(), user)) {
      throw Pop3Logins.throttled();
    }
    Pop3Login login = session.backend().login(user, argument, session.clientAddress());
    switch (login.outcome()) {
      case ACCEPTED -> Pop3Logins.enter(session, login.principal(), out);
      case REJECTED -> {
        session.authFailures().recordFailure(session.clientAddress(), user);
        throw Pop3Logins.rejected();
      }
      case UNAVAILABLE -> throw Pop3Logins.unavailable();
    }
  }
}
