package dev.yubin.protocol.smtp;

import dev.yubin.protocol.Reply;
import java.util.List;
import java.util.Optional;

/**
 * RCPT TO:&lt;forward-path&gt; (RFC 5321 §4.1.1.3): asks the backend about one recipient and writes
 * its reply as is; only accepted recipients enter the envelope. Past the recipient limit the answer
 * is 452 4.5.3 (RFC 5321 §4.5.3.1.10). No RCPT parameter is supported.
 */
final class RcptCommand implements SmtpCommand {

  private static final Reply USAGE = SmtpReplies.syntax("RCPT TO:<address>");

  @Override
  public List<Precondition> preconditions() {
    return List.of(Precondition.GREETED, Precondition.TRANSACTION);
  }

  @Override
  public SmtpResponse execute(SmtpSession session, String argument) {
    MailTransaction transaction = session.transaction();
    transaction.countRecipientAttempt();
    Optional<String> pathText = PathParser.afterKeyword(argument, "TO:");
    if (pathText.isEmpty()) {
      return SmtpResponse.of(USAGE);
    }
    Optional<MailPath> path = PathParser.parseForwardPath(pathText.get());
    if (path.isEmpty()) {
      return SmtpResponse.of(SmtpReplies.BAD_RECIPIENT);
    }
    Optional<List<EsmtpParameter>> parameters = EsmtpParameter.parseAll(path.get().parameters());
    if (parameters.isEmpty()) {
      return SmtpResponse.of(SmtpReplies.BAD_PARAMETERS);
    }
    if (!parameters.get().isEmpty()) {
      return SmtpResponse.of(SmtpReplies.unsupportedOption(parameters.get().get(0).keyword()));
    }
    if (transaction.recipientCount() >= session.config().maxRecipients()) {
      return SmtpResponse.of(SmtpReplies.TOO_MANY_RECIPIENTS);
    }
    String forwardPath = path.get().address();
    Reply decision =
        session.backend().checkRecipient(session.info(), transaction.reversePath(), forwardPath);
    if (decision.isPositive()) {
      session.addRecipient(forwardPath);
    }
    return SmtpResponse.of(decision);
  }
}
