package dev.yubin.protocol.imap.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code sequence-set} of message numbers or UIDs (RFC 3501 §9): ranges in any order, each end a
 * number or {@code *} (the largest number in use). {@code $} (RFC 5182) stands for the result of
 * the last {@code SEARCH RETURN (SAVE)}.
 */
public final class SequenceSet {

  /** Stands for {@code *} until the set is resolved against a mailbox. */
  public static final long STAR = Long.MAX_VALUE;

  /** One range; {@code first <= last} once resolved. */
  public record Range(long first, long last) {}

  private final List<Range> ranges;
  private final boolean saved;

  private SequenceSet(List<Range> ranges, boolean saved) {
    this.ranges = ranges;
    this.saved = saved;
  }

  public static SequenceSet parse(String text) {
    if (text.equals("$")) {
      return new SequenceSet(List.of(), true);
    }
    if (text.isEmpty()) {
      throw new ImapSyntaxException("expected a sequence set");
    }
    List<Range> ranges = new ArrayList<>();
    for (String part : text.split(",", -1)) {
      int colon = part.indexOf(':');
      if (colon < 0) {
        long n = value(part);
        ranges.add(new Range(n, n));
      } else {
        ranges.add(new Range(value(part.substring(0, colon)), value(part.substring(colon + 1))));
      }
    }
    return new SequenceSet(List.copyOf(ranges), false);
  }

  private static long value(String text) {
    if (text.equals("*")) {
      return STAR;
    }
    if (text.isEmpty() || text.length() > 10 || text.charAt(0) == '0') {
      throw new ImapSyntaxException("bad number in a sequence set: " + text);
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        throw new ImapSyntaxException("bad number in a sequence set: " + text);
      }
    }
    long n = Long.parseLong(text);
    if (n > 0xFFFFFFFFL) {
      throw new ImapSyntaxException("number too large in a sequence set: " + text);
    }
    return n;
  }

  /** Whether this is {@code $}, the saved search result (RFC 5182). */
  public boolean isSaved() {
    return saved;
  }

  /** The ranges as written, {@code *} as {@link #STAR}. */
  public List<Range> ranges() {
    return ranges;
  }

  /**
   * The ranges with {@code *} replaced by {@code largest} and ends put in order (RFC 3501 §9: "2:4"
   * and "4:2" are the same).
   */
  public List<Range> resolve(long largest) {
    List<Range> resolved = new ArrayList<>(ranges.size());
    for (Range r : ranges) {
      long a = r.first() == STAR ? largest : r.first();
      long b = r.last() == STAR ? largest : r.last();
      resolved.add(new Range(Math.min(a, b), Math.max(a, b)));
    }
    return resolved;
  }

  /** Whether {@code n} is in the set, {@code *} being {@code largest}. */
  public boolean contains(long n, long largest) {
    for (Range r : resolve(largest)) {
      if (n >= r.first() && n <= r.last()) {
        return true;
      }
    }
    return false;
  }

  /** Compact text for sorted distinct values, e.g. {@code 1:3,7} (COPYUID, ESEARCH). */
  public static String format(long[] sorted) {
    StringBuilder text = new StringBuilder();
    int i = 0;
    while (i < sorted.length) {
      int j = i;
      while (j + 1 < sorted.length && sorted[j + 1] == sorted[j] + 1) {
        j++;
      }
      if (text.length() > 0) {
        text.append(',');
      }
      text.append(sorted[i]);
      if (j > i) {
        text.append(':').append(sorted[j]);
      }
      i = j + 1;
    }
    return text.toString();
  }

  @Override
  public String toString() {
    if (saved) {
      return "$";
    }
    StringBuilder text = new StringBuilder();
    for (Range r : ranges) {
      if (text.length() > 0) {
        text.append(',');
      }
      text.append(r.first() == STAR ? "*" : String.valueOf(r.first()));
      if (r.first() != r.last()) {
        text.append(':').append(r.last() == STAR ? "*" : String.valueOf(r.last()));
      }
    }
    return text.toString();
  }
}
