package dev.yubin.ejb.accounts.application;

import dev.yubin.ejb.accounts.domain.Account;
import dev.yubin.ejb.accounts.domain.MailDomain;
import dev.yubin.ejb.accounts.domain.PasswordHasher;
import dev.yubin.ejb.kernel.DomainName;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Local domains and the accounts in them. A new account gets the quota {@code yubin.quota.default}
 * (bytes; unset, empty or {@code none}: no limit).
 */
@Stateless
public class AccountService {

  @Inject Passwords passwords;
  @Inject AccountRepository repository;
  @Inject AliasRepository aliases;

  @Inject
  @ConfigProperty(name = "yubin.quota.default")
  Optional<String> defaultQuota;

  /**
   * Adds a local domain, given in either form (U-labels or A-labels), stored by its A-labels;
   * answers false if it existed.
   */
  public boolean addDomain(String name) {
    String normalized =
        DomainName.toAscii(name)
            .orElseThrow(() -> new InvalidRequestException("not a domain name: " + name));
    if (repository.findDomain(normalized).isPresent()) {
      return false;
    }
    repository.add(new MailDomain(normalized));
    return true;
  }

  /** The local domains as people read them: U-labels (see {@link DomainName#toUnicode}). */
  public List<String> domains() {
    return repository.domains().stream()
        .map(MailDomain::getName)
        .map(DomainName::toUnicode)
        .toList();
  }

  public boolean isLocalDomain(String domain) {
    return repository.domainExists(MailDomain.normalize(domain));
  }

  /** Whether a local account has this address. */
  public boolean exists(String address) {
    return Address.parse(address).map(a -> repository.accountExists(a.toString())).orElse(false);
  }

  /** Adds an account in an existing local domain. */
  public Account addUser(String address, String password) {
    Address parsed =
        Address.parse(address)
            .orElseThrow(() -> new InvalidRequestException("not an address: " + address));
    if (password == null || password.isEmpty()) {
      throw new InvalidRequestException("a password is required");
    }
    MailDomain domain =
        repository
            .findDomain(parsed.domain())
            .orElseThrow(
                () -> new InvalidRequestException("not a local domain: " + parsed.domain()));
    if (repository.findAccount(parsed.toString()).isPresent()) {
      throw new InvalidRequestException("account exists: " + parsed);
    }
    if (aliases.exists(parsed.toString())) {
      throw new InvalidRequestException("an alias has this address: " + parsed);
    }
    Account account = new Account(parsed.toString(), domain, passwords.hash(password));
    account.changeQuota(parseQuota(defaultQuota.orElse("")));
    repository.add(account);
    return account;
  }

  /** Sets an account's quota in bytes, null for no limit; answers the account's address. */
  public String setQuota(String address, Long bytes) {
    if (bytes != null && bytes < 0) {
      throw new InvalidRequestException("a quota is a number of bytes, at least 0");
    }
    Account account =
        find(address).orElseThrow(() -> new InvalidRequestException("no such account: " + address));
    account.changeQuota(bytes);
    return account.getAddress();
  }

  /** An account's quota in bytes; empty when it has no limit or there is no such account. */
  public Optional<Long> quota(String address) {
    return repository.quota(address);
  }

  /** A quota setting: a number of bytes, or empty / {@code none} for no limit. */
  static Long parseQuota(String text) {
    String value = text.trim();
    if (value.isEmpty() || value.equalsIgnoreCase("none")) {
      return null;
    }
    long bytes;
    try {
      bytes = Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new InvalidRequestException("not a quota in bytes: " + text, e);
    }
    if (bytes < 0) {
      throw new InvalidRequestException("not a quota in bytes: " + text);
    }
    return bytes;
  }

  public List<String> users() {
    return repository.accounts().stream().map(Account::getAddress).toList();
  }

  public Optional<Account> find(String address) {
    return Address.parse(address).flatMap(a -> repository.findAccount(a.toString()));
  }

  /** The salted password kept for {@code address}; empty for an unknown user. */
  public Optional<SaltedPassword> saltedPassword(String address) {
    return find(address)
        .flatMap(a -> PasswordHasher.parse(a.getPasswordHash()))
        .map(h -> new SaltedPassword(h.salt(), h.iterations(), h.derivedKey()));
  }

  /**
   * Checks a login: the account when the password matches. An unknown address costs the same
   * password check as a known one, so failures take the same time either way.
   */
  public Authentication authenticate(String address, String password) {
    Optional<Account> account = find(address);
    return switch (passwords.check(password, account.map(Account::getPasswordHash))) {
      case MATCH -> Authentication.accepted(account.orElseThrow());
      case MISMATCH -> Authentication.REJECTED;
      case BUSY -> Authentication.BUSY;
    };
  }
}
