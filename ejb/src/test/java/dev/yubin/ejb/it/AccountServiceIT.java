package dev.yubin.ejb.it;

import dev.yubin.ejb.accounts.application.AccountService;
import dev.yubin.ejb.accounts.domain.Account;
import dev.yubin.ejb.accounts.infrastructure.JpaAccountRepository;
import jakarta.inject.Inject;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/** The account contract over JPA and the H2 database, inside Payara Micro. */
@ExtendWith(ArquillianExtension.class)
public class AccountServiceIT implements AccountServiceContract {

  @Deployment
  public static WebArchive deployment() {
    return YubinDeployment.create("account-service-it");
  }

  @Inject AccountService accounts;
  @Inject JpaAccountRepository repository;

  @Override
  public AccountService accounts() {
    return accounts;
  }

  @Override
  public Optional<Account> stored(String address) {
    return repository.findAccount(address);
  }
}
