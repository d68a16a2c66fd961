package dev.yubin.protocol.text;

import java.text.Normalizer;

/**
 * The i;unicode-casemap collation: every character replaced by its titlecase, then NFKD, compared
 * code point by code point (the order of UTF-8 octets). SEARCH compares text with it and SORT and
 * THREAD order strings by it, so "Ｒｅ" matches "re" and "Äpfel" equals "ÄPFEL".
 *
 * @see "RFC 5051; RFC 5256 §7"
 */
public final class UnicodeCasemap {

  private UnicodeCasemap() {}

  /** The canonical form two equal strings share. */
  public static String key(String text) {
    StringBuilder titled = new StringBuilder(text.length());
    text.codePoints().forEach(c -> titled.appendCodePoint(Character.toTitleCase(c)));
    return Normalizer.normalize(titled, Normalizer.Form.NFKD);
  }

  /** Whether {@code needle} occurs in {@code text}; an empty needle occurs everywhere. */
  public static boolean contains(String text, String needle) {
    return key(text).contains(key(needle));
  }

  /** Orders two strings (their {@link #key}s by code point, not by UTF-16 unit). */
  public static int compare(String a, String b) {
    return compareKeys(key(a), key(b));
  }

  /** Orders two {@link #key}s by code point. */
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
