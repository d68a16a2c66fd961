package dev.yubin.protocol.text;

import java.util.Locale;

/**
 * The "base subject" that SORT SUBJECT and THREAD compare: the subject without reply and forward
 * markers ({@code Re:}, {@code Fwd:}, {@code [fwd: ...]}, {@code (fwd)}), list tags ({@code
 * [list]}) and extra white space. It also tells whether any marker was removed, i.e. whether the
 * message is a reply or forward, which THREAD REFERENCES needs.
 *
 * @param text the base subject, compared with {@link UnicodeCasemap}
 * @see "RFC 5256 §2.1"
 */
public record BaseSubject(String text, boolean replyOrForward) {

  /**
   * Extracts the base subject of a subject already decoded from RFC 2047 encoded words (step 1's
   * decoding; null counts as empty).
   */
  public static BaseSubject of(String decoded) {
    String s = decoded == null ? "" : decoded.replaceAll("[\\t\\r\\n ]+", " ");
    boolean marked = false;
    while (true) {
      // (2) trailers: white space and "(fwd)"
      while (true) {
        if (s.endsWith(" ")) {
          s = s.substring(0, s.length() - 1);
        } else if (endsWithIgnoreCase(s, "(fwd)")) {
          s = s.substring(0, s.length() - 5);
          marked = true;
        } else {
          break;
        }
      }
      // (3), (4), (5): leaders and list tags
      boolean removed;
      do {
        removed = false;
        while (true) {
          if (s.startsWith(" ")) {
            s = s.substring(1);
            removed = true;
            continue;
          }
          int leader = refwdLeader(s);
          if (leader < 0) {
            break;
          }
          s = s.substring(leader);
          marked = true;
          removed = true;
        }
        int blob = blob(s, 0);
        if (blob > 0 && blob < s.length()) {
          s = s.substring(blob);
          removed = true;
        }
      } while (removed);
      // (6) "[fwd: ...]"
      if (s.regionMatches(true, 0, "[fwd:", 0, 5) && s.endsWith("]")) {
        s = s.substring(5, s.length() - 1);
        marked = true;
        continue;
      }
      return new BaseSubject(s, marked);
    }
  }

  /**
   * The length of a prefix {@code *subj-blob subj-refwd}, where {@code subj-refwd = ("re" / ("fw"
   * ["d"])) *WSP [subj-blob] ":"}, or -1.
   */
  private static int refwdLeader(String s) {
    int i = 0;
    int next;
    while ((next = blob(s, i)) > 0) {
      i = next;
    }
    String lower = s.substring(i).toLowerCase(Locale.ROOT);
    if (lower.startsWith("re")) {
      i += 2;
    } else if (lower.startsWith("fwd")) {
      i += 3;
    } else if (lower.startsWith("fw")) {
      i += 2;
    } else {
      return -1;
    }
    while (i < s.length() && s.charAt(i) == ' ') {
      i++;
    }
    int afterBlob = blob(s, i);
    if (afterBlob > 0) {
      i = afterBlob;
    }
    return i < s.length() && s.charAt(i) == ':' ? i + 1 : -1;
  }

  /** The end of {@code "[" *BLOBCHAR "]" *WSP} starting at {@code from}, or -1. */
  private static int blob(String s, int from) {
    if (from >= s.length() || s.charAt(from) != '[') {
      return -1;
    }
    int i = from + 1;
    while (i < s.length() && s.charAt(i) != '[' && s.charAt(i) != ']') {
      i++;
    }
    if (i >= s.length() || s.charAt(i) != ']') {
      return -1;
    }
    i++;
    while (i < s.length() && s.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  private static boolean endsWithIgnoreCase(String s, String suffix) {
    return s.regionMatches(true, s.length() - suffix.length(), suffix, 0, suffix.length());
  }
}
