package dev.yubin.ejb.accounts.application;

import dev.yubin.ejb.accounts.application.addressing.AddressBook;
import dev.yubin.ejb.accounts.application.addressing.AddressingRules;
import dev.yubin.ejb.accounts.application.addressing.Alias;
import dev.yubin.ejb.accounts.application.addressing.RecipientResolver;
import dev.yubin.ejb.accounts.application.addressing.Resolution;
import dev.yubin.ejb.accounts.domain.MailAlias;
import dev.yubin.ejb.accounts.domain.MailDomain;
import dev.yubin.ejb.platform.config.YubinSettings;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.ConfigValue;

/**
 * Aliases and catch-alls, and the recipient resolver over them. The address book behind the
 * resolver is the database: one indexed query per question, no cache (see persistence.xml).
 *
 * <p>Settings: {@code yubin.recipient-delimiter} (default {@code +}; empty or {@code none} disables
 * subaddressing) and {@code yubin.postmaster} (where postmaster mail goes when a domain has no
 * postmaster account or alias).
 */
@Stateless
@LocalBean
public class Addressing implements AddressBook {

  static final String DELIMITER_KEY = "yubin.recipient-delimiter";
  static final String POSTMASTER_KEY = "yubin.postmaster";

  /** The most targets one alias may have (Postfix's virtual_alias_expansion_limit is 1000). */
  static final int MAX_TARGETS = 1000;

  @Inject AccountRepository accounts;
  @Inject AliasRepository aliases;
  @Inject YubinSettings settings;

  private AddressingRules rules = AddressingRules.defaults();

  @PostConstruct
  void configure() {
    Config config = ConfigProvider.getConfig(Addressing.class.getClassLoader());
    rules =
        AddressingRules.defaults()
            .withDelimiters(delimiters(config.getConfigValue(DELIMITER_KEY)))
            .withPostmaster(config.getOptionalValue(POSTMASTER_KEY, String.class).orElse(null));
  }

  /** An empty value is "not set" to MicroProfile Config; here it disables subaddressing. */
  static String delimiters(ConfigValue value) {
    String raw = value.getRawValue();
    if (raw == null) {
      return value.getSourceName() == null ? "+" : "";
    }
    String trimmed = raw.trim();
    return trimmed.equalsIgnoreCase("none") ? "" : trimmed;
  }

  /** The resolver over the database, for one call within the caller's transaction. */
  public RecipientResolver resolver() {
    return new RecipientResolver(this, rules);
  }

  // The address book.

  @Override
  public boolean isLocalDomain(String domain) {
    return accounts.domainExists(domain);
  }

  @Override
  public boolean isAccount(String address) {
    return accounts.accountExists(address);
  }

  @Override
  public List<String> aliasTargets(String address) {
    return aliases.targets(address);
  }

  @Override
  public Optional<String> catchAll(String domain) {
    return accounts.catchAll(domain);
  }

  /** The first domain of {@code yubin.domains} that is local, else the first local domain. */
  @Override
  public Optional<String> primaryDomain() {
    for (String configured : settings.domains()) {
      String name = MailDomain.normalize(configured);
      if (accounts.domainExists(name)) {
        return Optional.of(name);
      }
    }
    return accounts.firstDomain();
  }

  // Administration.

  public List<Alias> aliases() {
    return aliases.all().stream().map(a -> new Alias(a.getAddress(), a.getTargets())).toList();
  }

  public Optional<Alias> alias(String address) {
    return Address.parse(address)
        .flatMap(a -> aliases.find(a.toString()))
        .map(a -> new Alias(a.getAddress(), a.getTargets()));
  }

  /**
   * Creates an alias or replaces its targets; answers whether it was created. Refused: an address
   * outside the local domains or of an account, no targets, a target that is no address, and an
   * alias that would reach nobody or loop.
   */
  public boolean putAlias(String address, List<String> targets) {
    Address parsed = parse(address);
    MailDomain domain =
        accounts
            .findDomain(parsed.domain())
            .orElseThrow(
                () -> new InvalidRequestException("not a local domain: " + parsed.domain()));
    if (accounts.accountExists(parsed.toString())) {
      throw new InvalidRequestException("an account has this address: " + parsed);
    }
    if (targets == null || targets.isEmpty()) {
      throw new InvalidRequestException("an alias needs at least one target");
    }
    Set<String> normalized = new LinkedHashSet<>();
    for (String target : targets) {
      Address t = parse(target == null ? "" : target);
      if (t.equals(parsed)) {
        throw new InvalidRequestException("an alias cannot be its own target: " + parsed);
      }
      normalized.add(t.toString());
    }
    if (normalized.size() > MAX_TARGETS) {
      throw new InvalidRequestException("an alias has at most " + MAX_TARGETS + " targets");
    }
    List<String> list = new ArrayList<>(normalized);
    check(
        parsed.toString(),
        new Overlay(this, Map.of(parsed.toString(), list), Map.of()),
        "alias " + parsed);
    Optional<MailAlias> existing = aliases.find(parsed.toString());
    if (existing.isPresent()) {
      existing.get().replaceTargets(list);
      return false;
    }
    aliases.add(new MailAlias(parsed.toString(), domain, list));
    return true;
  }

  /** Removes an alias; answers whether there was one. */
  public boolean removeAlias(String address) {
    Optional<MailAlias> alias = Address.parse(address).flatMap(a -> aliases.find(a.toString()));
    alias.ifPresent(aliases::remove);
    return alias.isPresent();
  }

  /** Sets a local domain's catch-all target, or clears it with null; answers the domain's name. */
  public String setCatchAll(String domainName, String target) {
    String name = MailDomain.normalize(domainName == null ? "" : domainName);
    MailDomain domain =
        accounts
            .findDomain(name)
            .orElseThrow(() -> new InvalidRequestException("not a local domain: " + domainName));
    if (target == null) {
      domain.changeCatchAll(null);
      return name;
    }
    String normalized = parse(target).toString();
    // Any unknown local part must reach someone: a target that is itself unknown would loop.
    String probe = "no-such-user-" + UUID.randomUUID() + "@" + name;
    check(probe, new Overlay(this, Map.of(), Map.of(name, normalized)), "catch-all of " + name);
    domain.changeCatchAll(normalized);
    return name;
  }

  private void check(String address, AddressBook book, String what) {
    Resolution resolution = new RecipientResolver(book, rules).resolve(address);
    if (!resolution.problems().isEmpty()) {
      throw new InvalidRequestException(
          what + " does not resolve: " + String.join("; ", resolution.problems()));
    }
    if (!resolution.deliverable()) {
      throw new InvalidRequestException(what + " reaches no mailbox");
    }
  }

  private static Address parse(String address) {
    return Address.parse(address.trim())
        .filter(a -> !a.localPart().isBlank())
        .orElseThrow(() -> new InvalidRequestException("not an address: " + address));
  }

  /** The address book with changes not stored yet, to check them before they are. */
  private record Overlay(
      AddressBook base, Map<String, List<String>> aliases, Map<String, String> catchAlls)
      implements AddressBook {

    Overlay {
      aliases = new HashMap<>(aliases);
      catchAlls = new HashMap<>(catchAlls);
    }

    @Override
    public boolean isLocalDomain(String domain) {
      return base.isLocalDomain(domain);
    }

    @Override
    public boolean isAccount(String address) {
      return base.isAccount(address);
    }

    @Override
    public List<String> aliasTargets(String address) {
      List<String> targets = aliases.get(address);
      return targets != null ? targets : base.aliasTargets(address);
    }

    @Override
    public Optional<String> catchAll(String domain) {
      return catchAlls.containsKey(domain)
          ? Optional.of(catchAlls.get(domain))
          : base.catchAll(domain);
    }

    @Override
    public Optional<String> primaryDomain() {
      return base.primaryDomain();
    }
  }
}
