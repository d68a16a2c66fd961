package dev.yubin.ejb.application;

import dev.yubin.ejb.domain.model.MailDomain;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An address as the store keys it: {@code local@domain}, all lower case (local parts are treated
 * case-insensitively, as Postfix and Dovecot do for local users), domain without a trailing dot. A
 * quoted local part that needs no quotes is the same address without them ({@code "bob"@d} is
 * {@code bob@d}, RFC 5321 §4.1.2); one that does ({@code "a@b"@d}) keeps them.
 */
public record Address(String localPart, String domain) {

  private static final Pattern DOT_ATOM =
      Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");

  /**
   * The longest address: a path is at most 256 octets with its angle brackets (RFC 5321
   * §4.5.3.1.3).
   */
  public static final int MAX_LENGTH = 254;

  /**
   * Parses {@code local@domain}; empty when there is no {@code @}, a part is empty, or it is longer
   * than {@link #MAX_LENGTH}.
   */
  public static Optional<Address> parse(String text) {
    if (text.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    int at = text.lastIndexOf('@');
    if (at <= 0 || at == text.length() - 1) {
      return Optional.empty();
    }
    String local = unquoted(text.substring(0, at)).toLowerCase(Locale.ROOT);
    String domain = MailDomain.normalize(text.substring(at + 1));
    if (domain.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Address(local, domain));
  }

  /** The content of a quoted local part when it would be a valid dot-atom, else the text as is. */
  static String unquoted(String local) {
    if (local.length() < 2 || local.charAt(0) != '"' || local.charAt(local.length() - 1) != '"') {
      return local;
    }
    StringBuilder content = new StringBuilder();
    for (int i = 1; i < local.length() - 1; i++) {
      char c = local.charAt(i);
      if (c == '\\' && i + 1 < local.length() - 1) {
        c = local.charAt(++i); // quoted-pair
      }
      content.append(c);
    }
    return DOT_ATOM.matcher(content).matches() ? content.toString() : local;
  }

  @Override
  public String toString() {
    return localPart + "@" + domain;
  }
}
