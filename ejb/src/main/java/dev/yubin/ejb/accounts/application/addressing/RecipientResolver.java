package dev.yubin.ejb.accounts.application.addressing;

import dev.yubin.ejb.accounts.application.Address;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides what a recipient address stands for; the one place of these rules, used at RCPT, at the
 * end of DATA and for sender ownership. Pure: it asks an {@link AddressBook} and nothing else.
 *
 * <p>A local address resolves, first match wins (Postfix's order for virtual mailboxes and
 * aliases):
 *
 * <ol>
 *   <li>an account with exactly this address: its mailbox;
 *   <li>an alias with exactly this address: each target, resolved by these same rules (a target in
 *       another domain is a remote address);
 *   <li>the subaddress base ({@code user+tag} → {@code user}), when the local part has a delimiter:
 *       an account or an alias with that address;
 *   <li>{@code postmaster} (RFC 5321 §4.5.1 requires it): {@link AddressingRules#postmaster()},
 *       else the domain's catch-all, else the {@code postmaster@domain} maildrop itself, which the
 *       admin reads by creating that account — postmaster mail is never refused or lost;
 *   <li>the domain's catch-all target;
 *   <li>unknown.
 * </ol>
 *
 * <p>Aliases nest up to {@link AddressingRules#maxDepth()}; an address met again on its own
 * expansion path is a loop and adds nothing; each mailbox and remote address appears once however
 * often aliases name it. Domains and local parts compare case-insensitively. The bare {@code
 * postmaster} is {@code postmaster@}{@link AddressBook#primaryDomain()}.
 */
public final class RecipientResolver {

  static final String POSTMASTER = "postmaster";

  private final AddressBook book;
  private final AddressingRules rules;

  public RecipientResolver(AddressBook book, AddressingRules rules) {
    this.book = book;
    this.rules = rules;
  }

  /** What mail to this forward-path reaches. */
  public Resolution resolve(String forwardPath) {
    return resolve(forwardPath, true);
  }

  /**
   * Whether {@code address} stands for {@code mailbox}: the user's own address, a subaddress of it,
   * or an alias that expands to it. Catch-alls do not count: receiving a domain's unknown addresses
   * does not make them one's own.
   */
  public boolean reaches(String address, String mailbox) {
    Optional<Address> own = Address.parse(mailbox);
    if (own.isEmpty()) {
      return false;
    }
    return resolve(address, false).mailboxes().contains(own.get().toString());
  }

  private Resolution resolve(String forwardPath, boolean useCatchAll) {
    String text = forwardPath.trim();
    if (text.equalsIgnoreCase(POSTMASTER)) {
      Optional<String> domain = book.primaryDomain();
      if (domain.isPresent()) {
        text = POSTMASTER + "@" + domain.get();
      } else if (rules.postmaster().isPresent()) {
        text = rules.postmaster().get();
      } else {
        return Resolution.of(Resolution.Outcome.NO_POSTMASTER);
      }
    }
    Optional<Address> address = Address.parse(text);
    if (address.isEmpty()) {
      return Resolution.of(Resolution.Outcome.INVALID);
    }
    if (!book.isLocalDomain(address.get().domain())) {
      // The local part as given: only the destination may interpret it (RFC 5321 §2.4).
      String remote = text.substring(0, text.lastIndexOf('@') + 1) + address.get().domain();
      return new Resolution(Resolution.Outcome.NOT_LOCAL, List.of(), List.of(remote), List.of());
    }
    Expansion expansion = new Expansion(useCatchAll);
    if (!expansion.expand(address.get(), 0)) {
      return Resolution.of(Resolution.Outcome.UNKNOWN);
    }
    Resolution.Outcome outcome =
        expansion.mailboxes.isEmpty() && expansion.remote.isEmpty()
            ? Resolution.Outcome.DEAD_END
            : Resolution.Outcome.DELIVER;
    return new Resolution(
        outcome,
        new ArrayList<>(expansion.mailboxes),
        new ArrayList<>(expansion.remote),
        expansion.problems);
  }

  /** The subaddress base of a local part: up to the first delimiter, if that leaves something. */
  Optional<String> base(String localPart) {
    for (int i = 0; i < localPart.length(); i++) {
      if (rules.delimiters().indexOf(localPart.charAt(i)) >= 0) {
        return i == 0 ? Optional.empty() : Optional.of(localPart.substring(0, i));
      }
    }
    return Optional.empty();
  }

  /** One resolution's walk through the alias graph. */
  private final class Expansion {

    final boolean useCatchAll;
    final Set<String> mailboxes = new LinkedHashSet<>();
    final Set<String> remote = new LinkedHashSet<>();
    final List<String> problems = new ArrayList<>();

    /** The addresses being expanded, outermost first: meeting one again is a loop. */
    final Set<String> path = new LinkedHashSet<>();

    /** Addresses already expanded in full: the same again adds nothing new. */
    final Set<String> done = new HashSet<>();

    int lookups;

    Expansion(boolean useCatchAll) {
      this.useCatchAll = useCatchAll;
    }

    /** Adds what a local address reaches; false when nothing answers to it. */
    boolean expand(Address address, int depth) {
      String key = address.toString();
      if (path.contains(key)) {
        problems.add("alias loop: " + String.join(" -> ", path) + " -> " + key);
        return true;
      }
      if (done.contains(key)) {
        return true;
      }
      if (depth > rules.maxDepth()) {
        problems.add("aliases nested deeper than " + rules.maxDepth() + " at " + key);
        return true;
      }
      if (++lookups > rules.maxLookups()) {
        if (lookups == rules.maxLookups() + 1) {
          problems.add("alias expansion visits more than " + rules.maxLookups() + " addresses");
        }
        return true;
      }
      path.add(key);
      try {
        boolean known = lookUp(address, depth);
        if (known) {
          done.add(key);
        }
        return known;
      } finally {
        path.remove(key);
      }
    }

    private boolean lookUp(Address address, int depth) {
      if (exact(address, depth)) {
        return true;
      }
      Optional<String> base = base(address.localPart());
      if (base.isPresent() && exact(new Address(base.get(), address.domain()), depth)) {
        return true;
      }
      if (base.orElse(address.localPart()).equals(POSTMASTER)) {
        postmaster(address.domain(), depth);
        return true;
      }
      if (useCatchAll) {
        Optional<String> catchAll = book.catchAll(address.domain());
        if (catchAll.isPresent()) {
          target(catchAll.get(), depth + 1);
          return true;
        }
      }
      return false;
    }

    /** An account or an alias with exactly this address. */
    private boolean exact(Address address, int depth) {
      String key = address.toString();
      if (book.isAccount(key)) {
        mailboxes.add(key);
        return true;
      }
      List<String> targets = book.aliasTargets(key);
      for (String target : targets) {
        target(target, depth + 1);
      }
      return !targets.isEmpty();
    }

    /** RFC 5321 §4.5.1: the domain has no postmaster account or alias; someone must read it. */
    private void postmaster(String domain, int depth) {
      int before = mailboxes.size() + remote.size();
      if (rules.postmaster().isPresent()) {
        target(rules.postmaster().get(), depth + 1);
        if (mailboxes.size() + remote.size() > before) {
          return;
        }
      }
      if (useCatchAll) {
        Optional<String> catchAll = book.catchAll(domain);
        if (catchAll.isPresent()) {
          target(catchAll.get(), depth + 1);
          if (mailboxes.size() + remote.size() > before) {
            return;
          }
        }
      }
      mailboxes.add(POSTMASTER + "@" + domain);
    }

    private void target(String target, int depth) {
      Optional<Address> address = Address.parse(target);
      if (address.isEmpty()) {
        problems.add("not an address: " + target);
      } else if (!book.isLocalDomain(address.get().domain())) {
        remote.add(address.get().toString());
      } else if (!expand(address.get(), depth)) {
        problems.add("no such local address: " + address.get());
      }
    }
  }
}
