package dev.yubin.protocol;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A mailbox address in the one spelling that accounts are stored, looked up and throttled by:
 * {@code local@domain}, all lower case (local parts are compared case-insensitively, as Postfix and
 * Dovecot do for local users), the domain without a trailing dot. A quoted local part that needs no
 * quotes is the same address without them ({@code "bob"@d} is {@code bob@d}, RFC 5321 §4.1.2); one
 * that does ({@code "a b"@d}) is quoted again with only the backslashes it needs. Whitespace
 * outside quotes and control characters anywhere make the text no address, so {@code kate@ d} is
 * not {@code kate@d}.
 *
 * @param localPart the local part, lower case, quoted only when it must be
 * @param domain the domain, lower case, without a trailing dot
 */
public record CanonicalAddress(String localPart, String domain) {

  private static final Pattern DOT_ATOM =
      Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");

  /** Longer than any address (64 + 1 + 255): the rest of a longer name never tells users apart. */
  static final int MAX_KEY_LENGTH = 320;

  /**
   * Parses {@code local@domain}; empty when there is no {@code @}, a part is empty or malformed.
   */
  public static Optional<CanonicalAddress> parse(String text) {
    int at = text.lastIndexOf('@');
    if (at <= 0 || at == text.length() - 1) {
      return Optional.empty();
    }
    Optional<String> local = localPart(text.substring(0, at));
    String domainText = text.substring(at + 1);
    if (local.isEmpty() || domainText.codePoints().anyMatch(CanonicalAddress::isSpaceOrControl)) {
      return Optional.empty();
    }
    String domain = domain(domainText);
    if (domain.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new CanonicalAddress(local.get().toLowerCase(Locale.ROOT), domain));
  }

  /**
   * A domain name as it compares: in NFC, lower case, without a trailing dot (the store further
   * maps Unicode labels to A-labels by UTS #46).
   */
  public static String domain(String name) {
    String lower = Normalizer.normalize(name, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
  }

  /**
   * What a login name is counted and compared by: its canonical address, or for a name that is no
   * address the name itself in lower case; at most {@value #MAX_KEY_LENGTH} characters either way.
   */
  public static String key(String name) {
    String key = parse(name).map(CanonicalAddress::toString).orElse(name.toLowerCase(Locale.ROOT));
    return key.length() > MAX_KEY_LENGTH ? key.substring(0, MAX_KEY_LENGTH) : key;
  }

  /** An unquoted local part as is; a quoted one without quotes when it can be, else requoted. */
  private static Optional<String> localPart(String local) {
    boolean quoted = local.length() >= 2 && local.startsWith("\"") && local.endsWith("\"");
    if (!quoted) {
      return local.codePoints().anyMatch(CanonicalAddress::isSpaceOrControl)
          ? Optional.empty()
          : Optional.of(local);
    }
    StringBuilder content = new StringBuilder();
    for (int i = 1; i < local.length() - 1; i++) {
      char c = local.charAt(i);
      if (c == '\\' && i + 1 < local.length() - 1) {
        c = local.charAt(++i); // quoted-pair
      }
      if (Character.isISOControl(c) || (c != ' ' && isSpaceOrControl(c))) {
        return Optional.empty(); // qtextSMTP and quoted-pairSMTP are printable ASCII and space
      }
      content.append(c);
    }
    if (DOT_ATOM.matcher(content).matches()) {
      return Optional.of(content.toString());
    }
    return Optional.of(
        "\"" + content.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
  }

  private static boolean isSpaceOrControl(int c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c);
  }

  @Override
  public String toString() {
    return localPart + "@" + domain;
  }
}
