package dev.yubin.protocol.imap.backend;

import dev.yubin.protocol.text.UnicodeCasemap;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A SEARCH program (RFC 3501 §6.4.4, RFC 9051 §6.4.4) after the engine has resolved what only the
 * session knows: message numbers, {@code $} and \Recent (RECENT, NEW, OLD) become UID ranges, OLDER
 * and YOUNGER become instants. The engine also limits every program it sends to the UIDs the
 * session knows ({@code And(Uids(1:last), program)}), so the backend need not know the session.
 *
 * <p>Text keys ({@link Header}, {@link Body}, {@link Text}) match a substring of the decoded text:
 * RFC 2047 encoded words and the charset of text parts decoded, transfer encodings undone, and both
 * sides compared case-insensitively ({@link UnicodeCasemap}, the i;unicode-casemap collation of RFC
 * 5051). The search string arrives as Unicode whatever charset the client named.
 */
public sealed interface SearchKey {

  /** Every message. */
  record All() implements SearchKey {}

  /** All keys match (an empty list matches every message). */
  record And(List<SearchKey> keys) implements SearchKey {
    public And {
      keys = List.copyOf(keys);
    }
  }

  record Or(SearchKey left, SearchKey right) implements SearchKey {}

  record Not(SearchKey key) implements SearchKey {}

  /** The UID is in one of the ranges {@code firsts[i]..lasts[i]} (inclusive); none: no message. */
  record Uids(long[] firsts, long[] lasts) implements SearchKey {}

  /**
   * A flag is set (or, when {@code set} is false, not set): a system flag spelled as in {@code
   * \Seen} (never \Recent, which the engine resolves), or a keyword, compared case-insensitively.
   */
  record Flag(String flag, boolean set) implements SearchKey {}

  /**
   * RFC822.SIZE is strictly larger (or, when {@code larger} is false, smaller) than {@code size}.
   */
  record Size(long size, boolean larger) implements SearchKey {}

  /** The internal date (its day in the server's zone) is before, on or since {@code date}. */
  record Arrival(LocalDate date, Comparison comparison) implements SearchKey {}

  /**
   * The Date header's day (in its own zone) is before, on or since {@code date}; a message without
   * a valid Date field uses its internal date, as SORT does (RFC 5256 §2.2).
   */
  record Sent(LocalDate date, Comparison comparison) implements SearchKey {}

  /**
   * The internal date is at or after {@code instant} (YOUNGER), or, when {@code before}, strictly
   * before it (OLDER) (RFC 5032 WITHIN).
   */
  record ArrivalInstant(Instant instant, boolean before) implements SearchKey {}

  /**
   * A header field of the message (not of its parts) contains {@code value}; the field name is
   * case-insensitive, and an empty value matches any message with the field. FROM, TO, CC, BCC and
   * SUBJECT are header keys too ({@code From}, {@code To}, {@code Cc}, {@code Bcc}, {@code
   * Subject}); address fields match on their decoded text, display names and addresses alike.
   */
  record Header(String field, String value) implements SearchKey {}

  /** The body (everything after the message's header; text parts decoded) contains {@code text}. */
  record Body(String text) implements SearchKey {}

  /** The header or body contains {@code text}. */
  record Text(String text) implements SearchKey {}

  /** The message's MODSEQ is at least {@code modseq} (RFC 7162 §3.1.5). */
  record ModSeq(long modseq) implements SearchKey {}

  enum Comparison {
    BEFORE,
    ON,
    SINCE
  }

  SearchKey ALL = new All();
}
