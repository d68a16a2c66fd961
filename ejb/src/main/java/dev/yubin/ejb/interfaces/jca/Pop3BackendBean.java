package dev.yubin.ejb.interfaces.jca;

import dev.yubin.ejb.accounts.application.AccountService;
import dev.yubin.ejb.accounts.application.Authentication;
import dev.yubin.ejb.interfaces.StartupGate;
import dev.yubin.ejb.mailbox.application.MaildropSnapshots;
import dev.yubin.ejb.mailbox.application.Maildrops;
import dev.yubin.protocol.pop3.Maildrop;
import dev.yubin.protocol.pop3.Pop3Backend;
import dev.yubin.protocol.pop3.Pop3Login;
import dev.yubin.protocol.sasl.ScramCredentials;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import java.io.InputStream;
import java.util.List;

/**
 * Serves the POP3 listener: logins against accounts, maildrops from the INBOX of the mailbox store.
 * A message's id on the wire side is its UID. No transaction of its own: each store call commits by
 * itself, so a maildrop whose opening fails to commit is not left locked.
 */
@MessageDriven(
    messageListenerInterface = Pop3Backend.class,
    activationConfig =
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "yubin-rar"))
@Interceptors(StartupGate.class)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Pop3BackendBean implements Pop3Backend {

  @Inject AccountService accounts;
  @Inject AccountLogins logins;
  @Inject Maildrops maildrops;

  @Override
  public Pop3Login login(String user, String password, String clientAddress) {
    Authentication login = accounts.authenticate(user, password);
    if (login.busy()) {
      return Pop3Login.unavailable();
    }
    return login
        .account()
        .map(account -> Pop3Login.accepted(account.getAddress()))
        .orElseGet(Pop3Login::rejected);
  }

  @Override
  public ScramCredentials scramCredentials(String user, String clientAddress) {
    return logins.scramCredentials(user);
  }

  @Override
  public Maildrop openMaildrop(String principal) {
    MaildropSnapshots.Snapshot snapshot = maildrops.open(principal);
    if (snapshot == null) {
      return Maildrop.lockedByAnother();
    }
    return new Maildrop(
        false,
        snapshot.messages().stream()
            .map(m -> new Maildrop.Message(Long.toString(m.uid()), m.size(), m.uidl()))
            .toList());
  }

  @Override
  public InputStream retrieve(String principal, String messageId) {
    return maildrops.retrieve(principal, Long.parseLong(messageId));
  }

  @Override
  public boolean expunge(String principal, List<String> messageIds) {
    maildrops.remove(principal, uids(messageIds));
    return true;
  }

  @Override
  public void markSeen(String principal, List<String> messageIds) {
    maildrops.markSeen(principal, uids(messageIds));
  }

  @Override
  public void closeMaildrop(String principal) {
    maildrops.close(principal);
  }

  private static long[] uids(List<String> messageIds) {
    return messageIds.stream().mapToLong(Long::parseLong).toArray();
  }
}
