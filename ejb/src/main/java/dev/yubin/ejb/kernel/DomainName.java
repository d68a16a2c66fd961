package dev.yubin.ejb.kernel;

import com.ibm.icu.text.IDNA;
import java.util.Locale;
import java.util.Optional;

/**
 * Domain names in their two forms (RFC 5890): the ASCII form with A-labels ({@code
 * xn--bcher-kva.example}), which DNS, the store and every comparison use, and the Unicode form with
 * U-labels ({@code bücher.example}), which people read. Conversion follows UTS #46 (mapping, NFC,
 * nontransitional, as browsers and IDNA2008 do: {@code ß} stays {@code ß}) with the STD3 rules
 * (letters, digits, hyphens), the Bidi rule and the context rules for joiners.
 *
 * @see "UTS #46; RFC 5891, RFC 5892, RFC 5893"
 */
public final class DomainName {

  private static final IDNA UTS46 =
      IDNA.getUTS46Instance(
          IDNA.NONTRANSITIONAL_TO_ASCII
              | IDNA.NONTRANSITIONAL_TO_UNICODE
              | IDNA.USE_STD3_RULES
              | IDNA.CHECK_BIDI
              | IDNA.CHECK_CONTEXTJ
              | IDNA.CHECK_CONTEXTO); // an IDNA instance is immutable and thread-safe

  private DomainName() {}

  /**
   * The ASCII form of {@code name} (either form, any case, one trailing dot allowed): lower case,
   * A-labels, no trailing dot; empty when it is no valid domain name.
   */
  public static Optional<String> toAscii(String name) {
    String trimmed = withoutTrailingDot(name.trim());
    if (trimmed.isEmpty()) {
      return Optional.empty();
    }
    IDNA.Info info = new IDNA.Info();
    StringBuilder ascii = UTS46.nameToASCII(trimmed, new StringBuilder(), info);
    return info.hasErrors() ? Optional.empty() : Optional.of(ascii.toString());
  }

  /**
   * The Unicode form of a name for display: U-labels where labels are valid A-labels; the name
   * itself, in lower case, when it is no valid domain name.
   */
  public static String toUnicode(String name) {
    IDNA.Info info = new IDNA.Info();
    StringBuilder unicode = UTS46.nameToUnicode(name, new StringBuilder(), info);
    return info.hasErrors() ? name.toLowerCase(Locale.ROOT) : unicode.toString();
  }

  private static String withoutTrailingDot(String name) {
    return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
  }
}
