package dev.yubin.protocol.imap.backend;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A SEARCH program (RFC 3501 §6.4.4, RFC 9051 §6.4.4) after the engine has resolved what only the
 * session knows: message numbers and \Recent become UID ranges. Text keys match a case-insensitive
 * substring of the decoded (Unicode) header or body text.
 */
public sealed interface SearchKey {

  /** Every message. */
  record All() implements SearchKey {}

  /** All keys match. */
  record And(List<SearchKey> keys) implements SearchKey {
    public And {
      keys = List.copyOf(keys);
    }
  }

  record Or(SearchKey left, SearchKey right) implements SearchKey {}

  record Not(SearchKey key) implements SearchKey {}

  /** The UID is in one of the ranges (inclusive, ascending). */
  record Uids(long[] firsts, long[] lasts) implements SearchKey {}

  /** A system flag (with backslash) or keyword is set, or not. */
  record Flag(String flag, boolean set) implements SearchKey {}

  /** RFC822.SIZE is larger (or smaller) than {@code size}. */
  record Size(long size, boolean larger) implements SearchKey {}

  /** The internal date (its day in the server's zone) is before, on or since {@code date}. */
  record Arrival(LocalDate date, Comparison comparison) implements SearchKey {}

  /** The Date header's day (in its own zone) is before, on or since {@code date}. */
  record Sent(LocalDate date, Comparison comparison) implements SearchKey {}

  /** The internal date is after (or, for {@code before}, before) an instant (RFC 5032 WITHIN). */
  record ArrivalInstant(Instant instant, boolean before) implements SearchKey {}

  /**
   * A header field contains {@code value}; an empty value matches any message with the field. FROM,
   * TO, CC, BCC and SUBJECT are header keys too.
   */
  record Header(String field, String value) implements SearchKey {}

  /** The body (decoded text parts) contains {@code text}. */
  record Body(String text) implements SearchKey {}

  /** The header or body contains {@code text}. */
  record Text(String text) implements SearchKey {}

  /** MODSEQ at least {@code modseq} (RFC 7162 §3.1.5). */
  record ModSeq(long modseq) implements SearchKey {}

  enum Comparison {
    BEFORE,
    ON,
    SINCE
  }

  SearchKey ALL = new All();
}
