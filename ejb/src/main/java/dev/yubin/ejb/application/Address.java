package dev.yubin.ejb.application;

import dev.yubin.ejb.domain.model.MailDomain;
import java.util.Locale;
import java.util.Optional;

/**
 * An address as the store keys it: {@code local@domain}, all lower case (local parts are treated
 * case-insensitively, as Postfix and Dovecot do for local users), domain without a trailing dot.
 */
public record Address(String localPart, String domain) {

  /** Parses {@code local@domain}; empty when there is no {@code @} or a part is empty. */
  public static Optional<Address> parse(String text) {
    int at = text.lastIndexOf('@');
    if (at <= 0 || at == text.length() - 1) {
      return Optional.empty();
    }
    String local = text.substring(0, at).toLowerCase(Locale.ROOT);
    String domain = MailDomain.normalize(text.substring(at + 1));
    if (domain.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Address(local, domain));
  }

  @Override
  public String toString() {
    return localPart + "@" + domain;
  }
}
