package dev.yubin.protocol.smtp;

import dev.yubin.protocol.Reply;
import dev.yubin.protocol.sasl.AuthResult;
import dev.yubin.protocol.sasl.ScramCredentials;

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

  /**
   * AUTH PLAIN or LOGIN (RFC 4954, RFC 4616): checks a password. Answers {@link
   * AuthResult#accepted} with the canonical account name, {@link AuthResult#rejected} for bad
   * credentials, an unknown user or an authorization identity the user may not assume, and {@link
   * AuthResult#unavailable} when the credential store cannot answer (454 4.7.0).
   *
   * @param authorizationId the identity to act as (PLAIN's authzid), or null when the client gave
   *     none; a value other than {@code user} must be rejected unless the backend allows it
   */
  AuthResult authenticate(
      SmtpSessionInfo session, String authorizationId, String user, String password);

  /**
   * AUTH SCRAM-SHA-256 (RFC 7677): the user's verifier, derived from the stored PBKDF2-HMAC-SHA256
   * hash with {@link ScramCredentials#fromSaltedPassword}; null if there is no such user (the
   * engine then fails the exchange at its end, with fake credentials, so that names cannot be
   * probed).
   */
  ScramCredentials scramCredentials(SmtpSessionInfo session, String user);
}
