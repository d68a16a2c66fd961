package dev.yubin.ejb.relay.infrastructure.smtp;

import dev.yubin.protocol.Reply;
import java.util.Objects;

/**
 * The outcome for one recipient.
 *
 * @param recipient the recipient
 * @param status delivered, deferred or failed
 * @param reply the reply that decided it: the remote host's (for a DSN's Diagnostic-Code {@code
 *     smtp; ...}) or one made here when {@code remote} is false
 * @param remote whether {@code reply} came from the remote host (then the DSN's Remote-MTA is the
 *     report's target)
 */
public record RecipientResult(
    Recipient recipient, DeliveryStatus status, Reply reply, boolean remote) {

  public RecipientResult {
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(reply, "reply");
  }

  /** The reply's enhanced status (RFC 3463). */
  public String replyStatus() {
    return reply.status();
  }

  /** The reply as one line, code first, as a DSN's Diagnostic-Code and the log give it. */
  public String replyLine() {
    return reply.toString();
  }
}
