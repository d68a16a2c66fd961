package dev.yubin.ejb.interfaces.jca;

import dev.yubin.ejb.application.AccountService;
import dev.yubin.ejb.application.Authentication;
import dev.yubin.ejb.application.Maildrops;
import dev.yubin.ejb.interfaces.StartupGate;
import dev.yubin.protocol.pop3.Maildrop;
import dev.yubin.protocol.pop3.Pop3Backend;
import dev.yubin.protocol.pop3.Pop3Login;
import dev.yubin.protocol.sasl.ScramCredentials;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import java.io.InputStream;
import java.util.List;

/** Serves the POP3 listener: logins against accounts, maildrops from the INBOX. */
@MessageDriven(
    messageListenerInterface = Pop3Backend.class,
    activationConfig =
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "yubin-rar"))
@Interceptors(StartupGate.class)
public class Pop3BackendBean implements Pop3Backend {

  @Inject AccountService accounts;
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
    return accounts.scramCredentials(user).orElse(null);
  }

  @Override
  public Maildrop openMaildrop(String principal) {
    return maildrops.open(principal);
  }

  @Override
  public InputStream retrieve(String principal, String messageId) {
    return maildrops.retrieve(principal, messageId);
  }

  @Override
  public boolean expunge(String principal, List<String> messageIds) {
    return maildrops.expunge(principal, messageIds);
  }

  @Override
  public void closeMaildrop(String principal) {
    maildrops.close(principal);
  }
}
