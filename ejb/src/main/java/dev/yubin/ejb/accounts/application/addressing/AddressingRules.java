package dev.yubin.ejb.accounts.application.addressing;

import java.util.Optional;

/**
 * How addresses resolve beyond the address book.
 *
 * @param delimiters the recipient delimiter characters ({@code yubin.recipient-delimiter}): a local
 *     part is cut at the first of them ({@code user+tag} → {@code user}); empty disables
 *     subaddressing. As Postfix's {@code recipient_delimiter}, every character is a delimiter.
 * @param postmaster where postmaster mail goes when the domain defines no postmaster account or
 *     alias ({@code yubin.postmaster}); empty for the built-in fallback (catch-all, then a {@code
 *     postmaster@domain} maildrop)
 * @param maxDepth how deep aliases may nest (sendmail's MaxAliasRecursion is 10)
 * @param maxLookups how many addresses one expansion may visit (Postfix's
 *     virtual_alias_expansion_limit is 1000)
 */
public record AddressingRules(
    String delimiters, Optional<String> postmaster, int maxDepth, int maxLookups) {

  public static final int DEFAULT_MAX_DEPTH = 20;
  public static final int DEFAULT_MAX_LOOKUPS = 1000;

  public AddressingRules {
    delimiters = delimiters == null ? "" : delimiters;
    postmaster = postmaster.map(String::trim).filter(p -> !p.isEmpty());
  }

  /** The defaults: {@code +} delimits subaddresses, no configured postmaster. */
  public static AddressingRules defaults() {
    return new AddressingRules("+", Optional.empty(), DEFAULT_MAX_DEPTH, DEFAULT_MAX_LOOKUPS);
  }

  public AddressingRules withDelimiters(String delimiters) {
    return new AddressingRules(delimiters, postmaster, maxDepth, maxLookups);
  }

  public AddressingRules withPostmaster(String address) {
    return new AddressingRules(delimiters, Optional.ofNullable(address), maxDepth, maxLookups);
  }

  public AddressingRules withLimits(int maxDepth, int maxLookups) {
    return new AddressingRules(delimiters, postmaster, maxDepth, maxLookups);
  }
}
