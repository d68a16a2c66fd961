package dev.yubin.protocol.smtp;

import dev.yubin.protocol.Reply;

/**
 * What the SMTP engine asks of the mail system. In the server this is the resource adapter's
 * message-listener interface, implemented by an MDB; in tests it lives in memory. Every method may
 * block; none is called on a network thread.
 */
public interface SmtpBackend {

  /** MAIL FROM: decides on the reverse-path ({@code ""} for the null sender {@code <>}). */
  Reply checkSender(SmtpSessionInfo session, String reversePath);

  /** RCPT TO: decides on one forward-path, e.g. 250 2.1.5, 550 5.1.1 or 550 5.7.1. */
  Reply checkRecipient(SmtpSessionInfo session, String reversePath, String forwardPath);

  /** DATA: where the message content goes while it arrives. */
  MessageSink openMessage(SmtpSessionInfo session);

  /**
   * End of DATA: commits the message durably for every accepted recipient, then answers. A 250
   * means the message will not be lost; any failure must be a 4xx or 5xx reply. The backend owns
   * {@code content} from this call on.
   */
  Reply deliver(SmtpSessionInfo session, Envelope envelope, MessageSink content);
}
