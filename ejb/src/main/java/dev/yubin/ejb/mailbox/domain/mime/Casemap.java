package dev.yubin.ejb.mailbox.domain.mime;

import java.text.Normalizer;

/**
 * The i;unicode-casemap collation that SEARCH matches and SORT orders text by: every character
 * replaced by its titlecase, then NFKD, compared code point by code point. So "Ｒｅ" matches "re",
 * "ｶﾞｲﾄﾞ" matches "ガイド" and "Äpfel" equals "ÄPFEL".
 *
 * @see "RFC 5051; RFC 5256 §7"
 */
public final class Casemap {

  private Casemap() {}

  /** The canonical form two equal strings share. */
  public static String key(String text) {
    StringBuilder titled = new StringBuilder(text.length());
    text.codePoints().forEach(c -> titled.appendCodePoint(Character.toTitleCase(c)));
    return Normalizer.normalize(titled, Normalizer.Form.NFKD);
  }

  /** Orders two {@link #key}s by code point (not by UTF-16 unit, as String.compareTo does). */
  public static int compareKeys(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int x = a.codePointAt(i);
      int y = b.codePointAt(j);
      if (x != y) {
        return Integer.compare(x, y);
      }
      i += Character.charCount(x);
      j += Character.charCount(y);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
