package dev.yubin.ejb.accounts.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.ejb.accounts.domain.Account;
import dev.yubin.ejb.accounts.domain.MailDomain;
import dev.yubin.ejb.accounts.domain.PasswordHasher;
import dev.yubin.ejb.accounts.infrastructure.JpaAccountRepository;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Logins against accounts in memory: unknown users cost a password hash like known ones. */
class AccountServiceLoginTest {

  /** Counts the hashes checked against. */
  private final List<String> checked = new ArrayList<>();

  private final PasswordHasher hasher =
      new PasswordHasher(1_000) {
        @Override
        public boolean verify(String password, String stored) {
          checked.add(stored);
          return super.verify(password, stored);
        }
      };

  private final AccountService accounts = new AccountService();

  AccountServiceLoginTest() {
    Passwords passwords = new Passwords(hasher, 1, Duration.ofSeconds(5));
    Account kate =
        new Account("kate@d.test", new MailDomain("d.test"), passwords.hash("kate's secret"));
    accounts.passwords = passwords;
    accounts.repository =
        new JpaAccountRepository() {
          @Override
          public Optional<Account> findAccount(String address) {
            return Optional.ofNullable(Map.of(kate.getAddress(), kate).get(address));
          }
        };
  }

  @Test
  void anUnknownUserIsRejectedAfterAPasswordHashAsAWrongPasswordIs() {
    assertThat(accounts.authenticate("nobody@d.test", "guess")).isEqualTo(Authentication.REJECTED);
    assertThat(accounts.authenticate("kate@d.test", "guess")).isEqualTo(Authentication.REJECTED);
    assertThat(accounts.authenticate("kate@ d.test", "guess")).isEqualTo(Authentication.REJECTED);

    assertThat(checked).as("one hash checked per login, known or not").hasSize(3);
  }

  @Test
  void anySpellingOfTheAddressFindsTheAccount() {
    for (String spelling : List.of("kate@d.test", "\"k\\ate\"@d.test", "KATE@D.TEST.")) {
      assertThat(accounts.authenticate(spelling, "kate's secret").account())
          .as(spelling)
          .map(Account::getAddress)
          .contains("kate@d.test");
    }
  }
}
