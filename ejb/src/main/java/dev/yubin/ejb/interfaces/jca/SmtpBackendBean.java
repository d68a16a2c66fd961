package dev.yubin.ejb.interfaces.jca;

import dev.yubin.ejb.interfaces.StartupGate;
import dev.yubin.ejb.platform.application.MailStore;
import dev.yubin.ejb.platform.infrastructure.dns.ClientNames;
import dev.yubin.ejb.platform.infrastructure.store.SpoolFile;
import dev.yubin.ejb.submission.application.Submission;
import dev.yubin.protocol.Reply;
import dev.yubin.protocol.sasl.AuthResult;
import dev.yubin.protocol.sasl.ScramCredentials;
import dev.yubin.protocol.smtp.Envelope;
import dev.yubin.protocol.smtp.MessageSink;
import dev.yubin.protocol.smtp.SmtpBackend;
import dev.yubin.protocol.smtp.SmtpSessionInfo;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;

/**
 * Serves the SMTP listener (MX and submission ports): senders, recipients and messages are decided
 * by submission, in its own terms; {@link SmtpTranslation} turns them into the engine's.
 */
@MessageDriven(
    messageListenerInterface = SmtpBackend.class,
    activationConfig =
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "yubin-rar"))
@Interceptors(StartupGate.class)
public class SmtpBackendBean implements SmtpBackend {

  @Inject Submission submission;
  @Inject MailStore store;
  @Inject ClientNames clientNames;
  @Inject AccountLogins logins;

  @Override
  public AuthResult authenticate(
      SmtpSessionInfo session, String authorizationId, String user, String password) {
    return logins.authenticate(authorizationId, user, password);
  }

  @Override
  public ScramCredentials scramCredentials(SmtpSessionInfo session, String user) {
    return logins.scramCredentials(user);
  }

  @Override
  public Reply checkSender(SmtpSessionInfo session, String reversePath) {
    return SmtpTranslation.atMail(
        submission.checkSender(SmtpTranslation.origin(session, null), reversePath));
  }

  @Override
  public Reply checkRecipient(SmtpSessionInfo session, String reversePath, String forwardPath) {
    return SmtpTranslation.atRcpt(
        submission.checkRecipient(SmtpTranslation.origin(session, null), forwardPath));
  }

  @Override
  public MessageSink openMessage(SmtpSessionInfo session) {
    return store.files().newSpoolFile();
  }

  /**
   * Names the client (reverse DNS, bounded by its own deadline) before submission opens its
   * transaction, so that a slow DNS never holds one open.
   */
  @Override
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public Reply deliver(SmtpSessionInfo session, Envelope envelope, MessageSink content) {
    String client = clientNames.describe(session.connection().remoteAddress());
    return SmtpTranslation.atData(
        submission.submit(
            SmtpTranslation.origin(session, client),
            SmtpTranslation.envelope(envelope),
            (SpoolFile) content));
  }
}
