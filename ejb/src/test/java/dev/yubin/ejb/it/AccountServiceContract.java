package dev.yubin.ejb.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.yubin.ejb.accounts.application.AccountService;
import dev.yubin.ejb.accounts.domain.Account;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every implementation of local domains and accounts must do, whatever stores them. An
 * implementation's test implements this interface and says how to reach the service and how to read
 * an account back from its store.
 */
public interface AccountServiceContract {

  String PASSWORD = "correct horse battery staple";

  AccountService accounts();

  /** The account as its store holds it, read back without the service. */
  Optional<Account> stored(String address);

  @Test
  default void addingADomainIsIdempotentCaseInsensitiveAndIgnoresATrailingDot() {
    String domain = Names.domain();

    assertThat(accounts().addDomain(domain.toUpperCase(Locale.ROOT) + ".")).isTrue();
    assertThat(accounts().addDomain(domain)).isFalse();
    assertThat(accounts().addDomain(domain + ".")).isFalse();

    assertThat(accounts().domains()).containsOnlyOnce(domain);
    assertThat(accounts().isLocalDomain(domain.toUpperCase(Locale.ROOT) + ".")).isTrue();
    assertThat(accounts().isLocalDomain(Names.domain())).isFalse();
  }

  @Test
  default void aDomainNameIsRequired() {
    assertThatIllegalArgumentException().isThrownBy(() -> accounts().addDomain("not a domain"));
    assertThatIllegalArgumentException().isThrownBy(() -> accounts().addDomain("."));
    assertThatIllegalArgumentException().isThrownBy(() -> accounts().addDomain("-dash.test"));
    assertThatIllegalArgumentException()
        .as("a label longer than 63")
        .isThrownBy(() -> accounts().addDomain("l".repeat(64) + ".test"));
    assertThatIllegalArgumentException()
        .as("a name longer than 253")
        .isThrownBy(() -> accounts().addDomain(("l".repeat(60) + ".").repeat(5) + "test"));
  }

  @Test
  default void aUserIsAddedInALocalDomainAndFoundByAnySpellingOfTheAddress() {
    String domain = Names.domain();
    accounts().addDomain(domain);

    Account account =
        accounts().addUser("Alice@" + domain.toUpperCase(Locale.ROOT) + ".", PASSWORD);

    assertThat(account.getAddress()).isEqualTo("alice@" + domain);
    assertThat(account.getDomain().getName()).isEqualTo(domain);
    assertThat(accounts().users()).containsOnlyOnce("alice@" + domain);
    assertThat(accounts().find("ALICE@" + domain))
        .map(Account::getAddress)
        .contains(account.getAddress());
    assertThat(stored("alice@" + domain)).map(Account::getId).contains(account.getId());
  }

  @Test
  default void aUserNeedsALocalDomainAPasswordAndAnAddress() {
    String domain = Names.domain();
    accounts().addDomain(domain);

    assertThatIllegalArgumentException()
        .isThrownBy(() -> accounts().addUser("bob@" + Names.domain(), PASSWORD))
        .withMessageContaining("not a local domain");
    assertThatIllegalArgumentException().isThrownBy(() -> accounts().addUser("bob@" + domain, ""));
    assertThatIllegalArgumentException().isThrownBy(() -> accounts().addUser("bob", PASSWORD));
    assertThat(accounts().find("bob@" + domain)).isEmpty();
  }

  @Test
  default void aDuplicateUserIsRefused() {
    String domain = Names.domain();
    accounts().addDomain(domain);
    Account first = accounts().addUser("carol@" + domain, PASSWORD);

    assertThatIllegalArgumentException()
        .isThrownBy(() -> accounts().addUser("Carol@" + domain, "another password"))
        .withMessageContaining("account exists");

    assertThat(accounts().users()).containsOnlyOnce("carol@" + domain);
    assertThat(stored("carol@" + domain))
        .map(Account::getPasswordHash)
        .contains(first.getPasswordHash());
  }

  @Test
  default void authenticationNeedsTheRightPassword() {
    String domain = Names.domain();
    accounts().addDomain(domain);
    accounts().addUser("dave@" + domain, PASSWORD);

    assertThat(accounts().authenticate("dave@" + domain, PASSWORD).account())
        .map(Account::getAddress)
        .contains("dave@" + domain);
    assertThat(accounts().authenticate("DAVE@" + domain + ".", PASSWORD).account()).isPresent();
    assertThat(accounts().authenticate("\"d\\ave\"@" + domain, PASSWORD).account()).isPresent();
    assertThat(accounts().authenticate("dave@ " + domain, PASSWORD).account()).isEmpty();
    assertThat(accounts().authenticate("dave@" + domain, PASSWORD + " ").account()).isEmpty();
    assertThat(accounts().authenticate("dave@" + domain, "").account()).isEmpty();
    assertThat(accounts().authenticate("eve@" + domain, PASSWORD).account()).isEmpty();
  }

  @Test
  default void theStoredHashIsNotThePasswordAndIsSaltedPerAccount() {
    String domain = Names.domain();
    accounts().addDomain(domain);
    accounts().addUser("frank@" + domain, PASSWORD);
    accounts().addUser("grace@" + domain, PASSWORD);

    String frank = stored("frank@" + domain).orElseThrow().getPasswordHash();
    String grace = stored("grace@" + domain).orElseThrow().getPasswordHash();

    assertThat(frank).doesNotContain(PASSWORD).startsWith("$pbkdf2-sha256$");
    assertThat(grace).doesNotContain(PASSWORD).isNotEqualTo(frank);
  }
}
