package dev.yubin.ejb.application;

import dev.yubin.protocol.CanonicalAddress;
import java.util.Optional;

/**
 * An address as the store keys it, in the canonical form of {@link CanonicalAddress} (the one the
 * login throttle counts by too): {@code local@domain}, all lower case, domain without a trailing
 * dot, quotes only where the local part needs them.
 */
public record Address(String localPart, String domain) {

  /** Parses {@code local@domain}; empty when it is no address (see {@link CanonicalAddress}). */
  public static Optional<Address> parse(String text) {
    return CanonicalAddress.parse(text).map(a -> new Address(a.localPart(), a.domain()));
  }

  @Override
  public String toString() {
    return localPart + "@" + domain;
  }
}
