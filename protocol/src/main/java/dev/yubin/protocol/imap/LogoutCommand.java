package dev.yubin.protocol.imap;

/**
 * {@code LOGOUT}: BYE, the tagged OK, then the connection closes.
 *
 * @see "RFC 3501 §6.1.3"
 */
final class LogoutCommand extends ImapCommand {

  LogoutCommand() {
    super("LOGOUT", ANY);
  }

  @Override
  Updates updates(Request request) {
    return Updates.NONE;
  }

  @Override
  Completion execute(ImapSession session, Request request) {
    request.args().end();
    session.untagged().ascii("BYE Logging out").writeTo(session.out());
    session.complete(request.tag(), Completion.ok("LOGOUT completed"));
    session.logout();
    return Completion.PENDING;
  }
}
