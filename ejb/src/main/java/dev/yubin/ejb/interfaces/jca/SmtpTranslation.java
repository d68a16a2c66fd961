package dev.yubin.ejb.interfaces.jca;

import dev.yubin.ejb.kernel.Envelope;
import dev.yubin.ejb.kernel.EnvelopeRecipient;
import dev.yubin.ejb.kernel.Notify;
import dev.yubin.ejb.kernel.Origin;
import dev.yubin.ejb.kernel.OriginalRecipient;
import dev.yubin.ejb.kernel.Outcome;
import dev.yubin.ejb.kernel.Ret;
import dev.yubin.protocol.Reply;
import dev.yubin.protocol.smtp.Recipient;
import dev.yubin.protocol.smtp.SmtpSessionInfo;
import java.util.stream.Collectors;

/**
 * Between the SMTP engine's words and submission's: a session becomes an origin, the engine's
 * envelope the kernel's, and an outcome a reply. The basic code follows from the command and the
 * enhanced status (RFC 5321 §4.2, RFC 3463): a full mailbox or a too large message is 452 or 552, a
 * sender refused at MAIL 553, any other refusal 451 or 550; a code a filter chose is kept.
 */
public final class SmtpTranslation {

  private SmtpTranslation() {}

  /** The origin of a session's mail; {@code clientName} as the Received field names the client. */
  public static Origin origin(SmtpSessionInfo session, String clientName) {
    return Origin.smtp(
        session.connection().remoteAddress(),
        clientName,
        session.heloName(),
        session.protocolName(),
        session.authenticatedUser());
  }

  public static Envelope envelope(dev.yubin.protocol.smtp.Envelope envelope) {
    return new Envelope(
        envelope.reversePath(),
        envelope.rcptTo().stream().map(SmtpTranslation::recipient).toList(),
        envelope.dsn().envelopeId(),
        envelope.dsn().ret() == null ? null : Ret.valueOf(envelope.dsn().ret().name()),
        envelope.smtpUtf8());
  }

  private static EnvelopeRecipient recipient(Recipient recipient) {
    return new EnvelopeRecipient(
        recipient.address(),
        recipient.notifyOn().stream()
            .map(n -> Notify.valueOf(n.name()))
            .collect(Collectors.toSet()),
        recipient.originalRecipient() == null
            ? null
            : new OriginalRecipient(
                recipient.originalRecipient().addressType(),
                recipient.originalRecipient().address()));
  }

  /** The reply to MAIL. */
  public static Reply atMail(Outcome outcome) {
    return reply(outcome, 553);
  }

  /** The reply to RCPT. */
  public static Reply atRcpt(Outcome outcome) {
    return reply(outcome, 550);
  }

  /** The reply at the end of DATA. */
  public static Reply atData(Outcome outcome) {
    return reply(outcome, 550);
  }

  private static Reply reply(Outcome outcome, int refused) {
    int code;
    if (outcome instanceof Outcome.TemporaryFailure t) {
      code = t.code() != 0 ? t.code() : storage(t.status()) ? 452 : 451;
    } else if (outcome instanceof Outcome.PermanentFailure p) {
      code = p.code() != 0 ? p.code() : storage(p.status()) ? 552 : refused;
    } else {
      code = 250;
    }
    return Reply.of(code, outcome.status(), outcome.text());
  }

  /** X.2.2 mailbox full, X.3.4 message too big: RFC 5321's 452 and 552. */
  private static boolean storage(String status) {
    return status.endsWith(".2.2") || status.endsWith(".3.4");
  }
}
