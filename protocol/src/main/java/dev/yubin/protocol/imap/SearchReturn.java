package dev.yubin.protocol.imap;

import dev.yubin.protocol.imap.wire.ArgumentReader;
import dev.yubin.protocol.imap.wire.ImapSyntaxException;
import dev.yubin.protocol.imap.wire.ResponseLine;
import dev.yubin.protocol.imap.wire.SequenceSet;
import java.util.EnumSet;
import java.util.Set;

/**
 * The result options of an extended SEARCH ({@code RETURN (MIN MAX ALL COUNT SAVE)}) and the
 * ESEARCH response they ask for. {@code RETURN ()} means ALL, as does a SEARCH without RETURN once
 * IMAP4rev2 is enabled.
 *
 * @see "RFC 4731 §3.1, §3.2 (MODSEQ); RFC 5182 §2.1, §2.4 (SAVE); RFC 9051 §6.4.4, §7.3.4"
 */
final class SearchReturn {

  enum Option {
    MIN,
    MAX,
    ALL,
    COUNT,
    SAVE
  }

  /** RETURN (ALL). */
  static final SearchReturn ALL = new SearchReturn(EnumSet.of(Option.ALL));

  private final Set<Option> options;

  private SearchReturn(Set<Option> options) {
    this.options = options;
  }

  /** Reads {@code "(" [option *(SP option)] ")"} after {@code RETURN SP}. */
  static SearchReturn parse(ArgumentReader args) {
    args.expect('(');
    if (args.consume(')')) {
      return ALL;
    }
    Set<Option> options = EnumSet.noneOf(Option.class);
    do {
      String name = args.keyword();
      try {
        options.add(Option.valueOf(name));
      } catch (IllegalArgumentException e) {
        throw new ImapSyntaxException("unknown SEARCH return option " + name);
      }
    } while (args.consume(' '));
    args.expect(')');
    return new SearchReturn(options);
  }

  boolean saves() {
    return options.contains(Option.SAVE);
  }

  /** SAVE alone asks for no ESEARCH response (RFC 5182 §2.4). */
  boolean responds() {
    return !options.equals(EnumSet.of(Option.SAVE));
  }

  /**
   * The UIDs (ascending) that SAVE keeps, or the MODSEQ result covers: only the lowest and/or the
   * highest when MIN and/or MAX come without ALL or COUNT (RFC 5182 §2.4, RFC 4731 §3.2).
   */
  long[] scope(long[] uids) {
    if (uids.length == 0 || options.contains(Option.ALL) || options.contains(Option.COUNT)) {
      return uids;
    }
    boolean min = options.contains(Option.MIN);
    boolean max = options.contains(Option.MAX);
    if (min && max) {
      return uids.length == 1 ? uids : new long[] {uids[0], uids[uids.length - 1]};
    }
    if (min) {
      return new long[] {uids[0]};
    }
    if (max) {
      return new long[] {uids[uids.length - 1]};
    }
    return uids;
  }

  /**
   * {@code * ESEARCH (TAG "t") [UID] [MIN n] [MAX n] [ALL set] [COUNT n] [MODSEQ m]}; MIN, MAX, ALL
   * and MODSEQ only when something matched.
   *
   * @param numbers ascending message numbers or UIDs
   * @param modseq the MODSEQ result, or -1 for none
   */
  void write(ImapSession session, String tag, boolean uid, long[] numbers, long modseq) {
    ResponseLine line = session.untagged().ascii("ESEARCH (TAG ").string(tag).close();
    if (uid) {
      line.ascii(" UID");
    }
    boolean found = numbers.length > 0;
    if (found && options.contains(Option.MIN)) {
      line.ascii(" MIN ").number(numbers[0]);
    }
    if (found && options.contains(Option.MAX)) {
      line.ascii(" MAX ").number(numbers[numbers.length - 1]);
    }
    if (found && options.contains(Option.ALL)) {
      line.ascii(" ALL ").ascii(SequenceSet.format(numbers));
    }
    if (options.contains(Option.COUNT)) {
      line.ascii(" COUNT ").number(numbers.length);
    }
    if (found && modseq >= 0) {
      line.ascii(" MODSEQ ").number(modseq);
    }
    line.writeTo(session.out());
  }
}
