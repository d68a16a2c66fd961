package dev.yubin.protocol.smtp;

import java.util.List;

/**
 * DATA (RFC 5321 §4.1.1.4): with at least one accepted recipient, opens the backend's sink and
 * answers 354; the following lines are content. If RCPT was tried but nothing was accepted, the
 * answer is 554 5.5.1 (RFC 2920 §3.1 for pipelined DATA).
 */
final class DataCommand implements SmtpCommand {

  @Override
  public List<Precondition> preconditions() {
    return List.of(Precondition.GREETED, Precondition.TRANSACTION, Precondition.RECIPIENT_TRIED);
  }

  @Override
  public SmtpResponse execute(SmtpSession session, String argument) {
    if (!argument.isEmpty()) {
      return SmtpResponse.of(SmtpReplies.syntax("DATA"));
    }
    if (session.transaction().isChunked()) {
      return SmtpResponse.of(SmtpReplies.DATA_AFTER_BDAT);
    }
    if (session.transaction().recipientCount() == 0) {
      return SmtpResponse.of(SmtpReplies.NO_VALID_RECIPIENTS);
    }
    session.startData(session.backend().openMessage(session.info()));
    return SmtpResponse.plain(354, "End data with <CR><LF>.<CR><LF>");
  }
}
