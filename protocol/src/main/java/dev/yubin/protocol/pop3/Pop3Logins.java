package dev.yubin.protocol.pop3;

import dev.yubin.protocol.Output;

/** What USER/PASS and AUTH share: the replies to a failed login, and entering TRANSACTION. */
final class Pop3Logins {

  private Pop3Logins() {}

  /** Logged in as {@code principal}: locks and lists the maildrop. */
  static void enter(Pop3Session session, String principal, Output out) {
    if (principal == null) {
      throw new IllegalStateException("backend accepted a login without a principal");
    }
    Maildrop snapshot = session.backend().openMaildrop(principal);
    if (snapshot.locked()) {
      throw new Pop3CommandException(ResponseCode.IN_USE, "maildrop already locked");
    }
    session.enterTransaction(principal, snapshot);
    out.writeLine("+OK maildrop has " + session.maildrop().summary());
  }

  static Pop3CommandException rejected() {
    return new Pop3CommandException(ResponseCode.AUTH, "invalid user name or password");
  }

  static Pop3CommandException throttled() {
    return Pop3CommandException.throttled("too many failed logins, try again later");
  }

  static Pop3CommandException unavailable() {
    return new Pop3CommandException(
        ResponseCode.SYS_TEMP, "authentication unavailable, try again later");
  }

  /** USER, or AUTH with a mechanism that sends the password as it is, before TLS from afar. */
  static Pop3CommandException cleartextRefused() {
    return new Pop3CommandException(
        ResponseCode.AUTH, "cleartext login is not allowed before TLS: use STLS first");
  }
}
