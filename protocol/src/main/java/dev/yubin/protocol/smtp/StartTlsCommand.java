package dev.yubin.protocol.smtp;

import java.util.List;

/**
 * STARTTLS (RFC 3207): answers 220 2.0.0 and has the transport start TLS once the reply is out. The
 * session then discards whatever the client pipelined after the command (RFC 3207 §4.2; plaintext
 * injection, CVE-2011-0411) and forgets everything learned in clear: HELO name, EHLO, transaction,
 * authentication. The client must greet again.
 *
 * <p>Refused with 503 5.5.1 once TLS is active (a second STARTTLS, or implicit TLS), 502 5.5.1 when
 * the transport has no TLS, 501 5.5.4 with an argument.
 */
final class StartTlsCommand implements SmtpCommand {

  @Override
  public List<Precondition> preconditions() {
    return List.of(Precondition.GREETED, Precondition.OUTSIDE_TRANSACTION);
  }

  @Override
  public SmtpResponse execute(SmtpSession session, String argument) {
    if (session.isSecure()) {
      return SmtpResponse.of(SmtpReplies.TLS_ALREADY_ACTIVE);
    }
    if (!session.config().tlsAvailable()) {
      return SmtpResponse.of(SmtpReplies.NOT_IMPLEMENTED);
    }
    if (!argument.isEmpty()) {
      return SmtpResponse.of(SmtpReplies.syntax("STARTTLS"));
    }
    return SmtpResponse.of(SmtpReplies.READY_FOR_TLS).thenStartTls();
  }
}
