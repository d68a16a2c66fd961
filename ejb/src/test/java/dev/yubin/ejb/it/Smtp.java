package dev.yubin.ejb.it;

import dev.yubin.ejb.interfaces.jca.SmtpTranslation;
import dev.yubin.ejb.platform.infrastructure.store.SpoolFile;
import dev.yubin.ejb.submission.application.Submission;
import dev.yubin.protocol.ConnectionInfo;
import dev.yubin.protocol.Reply;
import dev.yubin.protocol.smtp.Envelope;
import dev.yubin.protocol.smtp.SmtpSessionInfo;

/** Submission as the SMTP backend calls it, answering in replies as the client hears them. */
final class Smtp {

  private Smtp() {}

  /** RCPT from a client that did or did not authenticate. */
  static Reply rcpt(Submission submission, String forwardPath, boolean authenticated) {
    SmtpSessionInfo session =
        new SmtpSessionInfo(
            new ConnectionInfo("192.0.2.1", 40000, "127.0.0.1", 25, false),
            "client.test",
            true,
            authenticated ? "user@example.test" : null);
    return SmtpTranslation.atRcpt(
        submission.checkRecipient(SmtpTranslation.origin(session, null), forwardPath));
  }

  /** The end of DATA. */
  static Reply data(
      Submission submission,
      SmtpSessionInfo session,
      String client,
      Envelope envelope,
      SpoolFile spool) {
    return SmtpTranslation.atData(
        submission.submit(
            SmtpTranslation.origin(session, client), SmtpTranslation.envelope(envelope), spool));
  }
}
