package dev.yubin.ejb.accounts.application;

import dev.yubin.ejb.accounts.domain.MailDomain;
import dev.yubin.protocol.CanonicalAddress;
import java.text.Normalizer;
import java.util.Optional;

/**
 * An address as the store keys it: {@code local@domain}, all lower case (local parts are treated
 * case-insensitively, as Postfix and Dovecot do for local users) and in NFC (RFC 6530 §10.1), the
 * domain in ASCII with A-labels and without a trailing dot ({@link MailDomain#normalize}). The
 * local part is spelled as {@link CanonicalAddress} spells it (the form the login throttle counts
 * by).
 */
public record Address(String localPart, String domain) {

  /**
   * The longest address: a path is at most 256 octets with its angle brackets (RFC 5321
   * §4.5.3.1.3).
   */
  public static final int MAX_LENGTH = 254;

  /**
   * Parses {@code local@domain}; empty when it is no address (see {@link CanonicalAddress}) or
   * longer than {@link #MAX_LENGTH}.
   */
  public static Optional<Address> parse(String text) {
    if (text.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    return CanonicalAddress.parse(text)
        .map(
            a ->
                new Address(
                    Normalizer.normalize(a.localPart(), Normalizer.Form.NFC),
                    MailDomain.normalize(a.domain())))
        .filter(a -> !a.domain().isEmpty());
  }

  @Override
  public String toString() {
    return localPart + "@" + domain;
  }
}
