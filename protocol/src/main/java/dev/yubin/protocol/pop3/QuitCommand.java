package dev.yubin.protocol.pop3;

import dev.yubin.protocol.Output;
import java.lang.System.Logger.Level;
import java.util.List;

/**
 * {@code QUIT}: in AUTHORIZATION just signs off (RFC 1939 §4); in TRANSACTION enters UPDATE,
 * removes the messages marked deleted, releases the maildrop and signs off (RFC 1939 §6).
 */
final class QuitCommand extends Pop3Command {

  private static final System.Logger LOG = System.getLogger(QuitCommand.class.getName());

  QuitCommand() {
    super("QUIT", AUTHORIZATION_AND_TRANSACTION);
  }

  @Override
  void execute(Pop3Session session, String argument, Output out) {
    String signOff = "+OK " + session.config().hostname() + " POP3 server signing off";
    if (session.state() == Pop3State.AUTHORIZATION) {
      out.writeLine(signOff);
    } else {
      update(session, signOff, out);
    }
    session.close(out);
  }

  private static void update(Pop3Session session, String signOff, Output out) {
    session.enterUpdate();
    OpenMaildrop maildrop = session.maildrop();
    List<String> deleted = maildrop.deletedIds();
    if (deleted.isEmpty() || expunge(session, maildrop.principal(), deleted)) {
      out.writeLine(signOff + " (" + maildrop.remainingCount() + " messages left)");
    } else {
      session.reject(out, ResponseCode.SYS_TEMP, "some deleted messages not removed", false);
    }
  }

  private static boolean expunge(Pop3Session session, String principal, List<String> ids) {
    try {
      return session.backend().expunge(principal, ids);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "POP3 expunge failed for " + principal, e);
      return false;
    }
  }
}
