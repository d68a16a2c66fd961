package dev.yubin.protocol.imap.backend;

import dev.yubin.protocol.text.BaseSubject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What threading needs of one message. A backend builds these for the matching messages, in mailbox
 * (UID) order, and hands them to {@link OrderedSubjectThreads} or {@link ReferenceThreads}.
 *
 * @param messageId the normalized Message-ID ({@link #messageIds}), or null
 * @param references the normalized ids of References, or, when it has none, the first of
 *     In-Reply-To ({@link #references(String, String)})
 * @param subject the decoded Subject
 * @param sent the sent date: the Date field, or the internal date when it is missing or invalid
 *     (RFC 5256 §2.2)
 * @see "RFC 5256 §3 (REFERENCES)"
 */
public record ThreadMessage(
    long uid, String messageId, List<String> references, BaseSubject subject, Instant sent) {

  public ThreadMessage {
    references = List.copyOf(references);
  }

  public ThreadMessage(
      long uid, String messageId, List<String> references, String subject, Instant sent) {
    this(uid, messageId, references, BaseSubject.of(subject), sent);
  }

  /**
   * The message ids of a References, In-Reply-To or Message-ID field: each {@code <...>} with
   * quoting, comments and white space removed, so {@code <"a b"@x>} and {@code <ab@x>} compare
   * equal (ids compare case-sensitively). Tokens without "@" are not message ids and are skipped.
   */
  public static List<String> messageIds(String field) {
    List<String> ids = new ArrayList<>();
    if (field == null) {
      return ids;
    }
    int i = 0;
    while ((i = field.indexOf('<', i)) >= 0) {
      int end = field.indexOf('>', i);
      if (end < 0) {
        break;
      }
      String id = normalize(field.substring(i + 1, end));
      if (id.indexOf('@') > 0 && !id.endsWith("@")) {
        ids.add(id);
      }
      i = end + 1;
    }
    return ids;
  }

  /** The references of a message: References if it holds ids, else the first of In-Reply-To. */
  public static List<String> references(String referencesField, String inReplyToField) {
    List<String> ids = messageIds(referencesField);
    if (!ids.isEmpty()) {
      return ids;
    }
    List<String> replyTo = messageIds(inReplyToField);
    return replyTo.isEmpty() ? List.of() : List.of(replyTo.get(0));
  }

  private static String normalize(String raw) {
    StringBuilder id = new StringBuilder(raw.length());
    boolean quoted = false;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '\\' && i + 1 < raw.length()) {
        id.append(raw.charAt(++i));
      } else if (c == '"') {
        quoted = !quoted;
      } else if (quoted || !Character.isWhitespace(c)) {
        id.append(c);
      }
    }
    return id.toString();
  }
}
