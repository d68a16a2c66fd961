package dev.yubin.ejb.mailbox.domain.mime;

import java.util.Locale;

/**
 * The base subject of RFC 5256 §2.1, which SORT SUBJECT and THREAD=ORDEREDSUBJECT/REFERENCES
 * compare: reply and forward markers, {@code [blob]} prefixes and {@code (fwd)} trailers removed.
 *
 * @param text the base subject, letter case kept
 * @param replyOrForward whether a {@code re:}/{@code fw:}/{@code fwd:} leader, a {@code (fwd)}
 *     trailer or a {@code [fwd: ...]} wrapper was removed
 */
record BaseSubject(String text, boolean replyOrForward) {

  /** Step (1) applied to already decoded text, then steps (2) to (6). */
  static BaseSubject of(String decodedSubject) {
    if (decodedSubject == null) {
      return new BaseSubject("", false);
    }
    String s = decodedSubject.replaceAll("[\\t\\r\\n ]+", " ");
    boolean marked = false;
    while (true) {
      // (2) trailers: "(fwd)" and white space
      while (true) {
        String lower = s.toLowerCase(Locale.ROOT);
        if (s.endsWith(" ")) {
          s = s.substring(0, s.length() - 1);
        } else if (lower.endsWith("(fwd)")) {
          s = s.substring(0, s.length() - 5);
          marked = true;
        } else {
          break;
        }
      }
      // (3) and (4): leaders and blobs, until nothing changes
      boolean changed = true;
      while (changed) {
        changed = false;
        int leader = leader(s);
        if (leader > 0) {
          marked |= !s.substring(0, leader).isBlank();
          s = s.substring(leader);
          changed = true;
          continue;
        }
        int blob = blob(s, 0);
        if (blob > 0 && blob < s.length()) {
          s = s.substring(blob);
          changed = true;
        }
      }
      // (5) "[fwd:" ... "]"
      if (s.length() >= 6 && s.regionMatches(true, 0, "[fwd:", 0, 5) && s.endsWith("]")) {
        s = s.substring(5, s.length() - 1);
        marked = true;
        continue;
      }
      return new BaseSubject(s, marked);
    }
  }

  /**
   * The length of a leading subj-leader ({@code *subj-blob subj-refwd} or one space), 0 if none;
   * only a refwd leader counts as more than white space.
   */
  private static int leader(String s) {
    if (s.startsWith(" ")) {
      return 1;
    }
    int p = 0;
    int blob;
    while ((blob = blob(s, p)) > p) {
      p = blob;
    }
    int refwd = refwd(s, p);
    return refwd > p ? refwd : 0;
  }

  /** End of {@code ("re" / ("fw" ["d"])) *WSP [subj-blob] ":"} at {@code p}, else {@code p}. */
  private static int refwd(String s, int p) {
    int q;
    if (s.regionMatches(true, p, "re", 0, 2)) {
      q = p + 2;
    } else if (s.regionMatches(true, p, "fwd", 0, 3)) {
      q = p + 3;
    } else if (s.regionMatches(true, p, "fw", 0, 2)) {
      q = p + 2;
    } else {
      return p;
    }
    while (q < s.length() && s.charAt(q) == ' ') {
      q++;
    }
    q = blob(s, q);
    return q < s.length() && s.charAt(q) == ':' ? q + 1 : p;
  }

  /** End of {@code "[" *BLOBCHAR "]" *WSP} at {@code p}, else {@code p}. */
  private static int blob(String s, int p) {
    if (p >= s.length() || s.charAt(p) != '[') {
      return p;
    }
    int q = p + 1;
    while (q < s.length() && s.charAt(q) != '[' && s.charAt(q) != ']') {
      q++;
    }
    if (q >= s.length() || s.charAt(q) != ']') {
      return p;
    }
    q++;
    while (q < s.length() && s.charAt(q) == ' ') {
      q++;
    }
    return q;
  }
}
