package dev.yubin.ejb.accounts.application;

import dev.yubin.ejb.mailbox.application.MailboxQuotas;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The accounts context answers the mailbox store's quota question from the account's limit. */
@ApplicationScoped
public class AccountQuotas implements MailboxQuotas {

  @Inject AccountService accounts;

  @Override
  public Long limit(String owner) {
    return accounts.quota(owner).orElse(null);
  }
}
