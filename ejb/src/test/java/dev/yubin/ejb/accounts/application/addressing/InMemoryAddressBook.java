package dev.yubin.ejb.accounts.application.addressing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** An address book in maps, for tests; counts lookups so tests can see how much work was done. */
public final class InMemoryAddressBook implements AddressBook {

  private final List<String> domains = new ArrayList<>();
  private final Set<String> accounts = new HashSet<>();
  private final Map<String, List<String>> aliases = new HashMap<>();
  private final Map<String, String> catchAlls = new HashMap<>();
  int lookups;

  public InMemoryAddressBook domain(String name) {
    domains.add(name);
    return this;
  }

  public InMemoryAddressBook account(String address) {
    accounts.add(address);
    return this;
  }

  public InMemoryAddressBook alias(String address, String... targets) {
    aliases.put(address, List.of(targets));
    return this;
  }

  public InMemoryAddressBook catchAll(String domain, String target) {
    catchAlls.put(domain, target);
    return this;
  }

  @Override
  public boolean isLocalDomain(String domain) {
    lookups++;
    return domains.contains(domain);
  }

  @Override
  public boolean isAccount(String address) {
    lookups++;
    return accounts.contains(address);
  }

  @Override
  public List<String> aliasTargets(String address) {
    lookups++;
    return aliases.getOrDefault(address, List.of());
  }

  @Override
  public Optional<String> catchAll(String domain) {
    lookups++;
    return Optional.ofNullable(catchAlls.get(domain));
  }

  @Override
  public Optional<String> primaryDomain() {
    return domains.stream().findFirst();
  }
}
