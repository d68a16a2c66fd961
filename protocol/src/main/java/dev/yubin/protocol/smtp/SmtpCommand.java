package dev.yubin.protocol.smtp;

import java.util.List;

/**
 * One SMTP command. Commands do no I/O: they read and change the session and return the reply; the
 * session writes it. Implementations are stateless and shared by all sessions.
 */
interface SmtpCommand {

  /** Checked by the session, in order, before {@link #execute}. */
  default List<Precondition> preconditions() {
    return List.of();
  }

  /**
   * @param session the session the command runs in
   * @param argument what followed the verb, stripped; empty if nothing
   */
  SmtpResponse execute(SmtpSession session, String argument);
}
