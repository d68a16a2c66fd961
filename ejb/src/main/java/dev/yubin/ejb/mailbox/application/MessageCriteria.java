package dev.yubin.ejb.mailbox.application;

import dev.yubin.ejb.mailbox.domain.SystemFlag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What a search asks of a mailbox's messages (RFC 3501 §6.4.4), once the reader has resolved what
 * only it knows (message numbers, \Recent, relative times) into UIDs and instants. Text keys match
 * a substring of the decoded Unicode text, compared with the i;unicode-casemap collation (RFC
 * 5051).
 */
public sealed interface MessageCriteria {

  /** Every message. */
  record All() implements MessageCriteria {}

  /** All keys match; none: every message. */
  record And(List<MessageCriteria> keys) implements MessageCriteria {
    public And {
      keys = List.copyOf(keys);
    }
  }

  record Or(MessageCriteria left, MessageCriteria right) implements MessageCriteria {}

  record Not(MessageCriteria key) implements MessageCriteria {}

  /**
   * The UID lies in one of the ranges {@code firsts[i]..lasts[i]} (inclusive). The ranges are kept
   * sorted by first UID, each last raised to the furthest any range up to it reaches (the same
   * set), so a lookup is one binary search.
   */
  record UidRanges(long[] firsts, long[] lasts) implements MessageCriteria {
    public UidRanges {
      if (firsts.length != lasts.length) {
        throw new IllegalArgumentException("unpaired UID ranges");
      }
      long[][] sorted = sorted(firsts, lasts);
      firsts = sorted[0];
      lasts = sorted[1];
    }

    /** Whether {@code uid} lies in a range: one binary search. */
    public boolean contains(long uid) {
      int i = Arrays.binarySearch(firsts, uid);
      int last = i >= 0 ? i : -i - 2; // the last range starting at or below uid
      return last >= 0 && lasts[last] >= uid;
    }

    private static long[][] sorted(long[] firsts, long[] lasts) {
      Integer[] order = new Integer[firsts.length];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      Arrays.sort(order, (a, b) -> Long.compare(firsts[a], firsts[b]));
      long[] f = new long[order.length];
      long[] l = new long[order.length];
      long reach = Long.MIN_VALUE;
      for (int i = 0; i < order.length; i++) {
        f[i] = firsts[order[i]];
        reach = Math.max(reach, lasts[order[i]]);
        l[i] = reach;
      }
      return new long[][] {f, l};
    }
  }

  /** A system flag is set (or, when {@code set} is false, not set). */
  record HasFlag(SystemFlag flag, boolean set) implements MessageCriteria {}

  /** A keyword is set (or not), compared case-insensitively. */
  record HasKeyword(String keyword, boolean set) implements MessageCriteria {}

  /** The size (RFC822.SIZE) is strictly larger (or, when {@code larger} is false, smaller). */
  record Size(long size, boolean larger) implements MessageCriteria {}

  /** The internal date's day in the server's zone is before, on or since {@code date}. */
  record Arrived(LocalDate date, DateComparison comparison) implements MessageCriteria {}

  /**
   * The Date field's day is before, on or since {@code date}; a message without a valid Date field
   * uses its internal date's day in the server's zone.
   */
  record Sent(LocalDate date, DateComparison comparison) implements MessageCriteria {}

  /**
   * The internal date is strictly before {@code instant} (or, when {@code before} is false, at or
   * after it): RFC 5032 OLDER and YOUNGER.
   */
  record ArrivedBefore(Instant instant, boolean before) implements MessageCriteria {}

  /**
   * A header field of the message (not of its parts) contains {@code value}; an empty value matches
   * every message with the field. The name is kept in lower case.
   */
  record Header(String field, String value) implements MessageCriteria {
    public Header {
      field = field.toLowerCase(Locale.ROOT);
    }
  }

  /** The text of the body (text parts decoded) contains {@code text}. */
  record Body(String text) implements MessageCriteria {}

  /** The header or the body contains {@code text}. */
  record Text(String text) implements MessageCriteria {}

  /** The MODSEQ is at least {@code modseq} (RFC 7162 §3.1.5). */
  record ModSeqAtLeast(long modseq) implements MessageCriteria {}

  enum DateComparison {
    BEFORE,
    ON,
    SINCE
  }

  MessageCriteria ALL = new All();
}
