package dev.yubin.protocol.imap;

import dev.yubin.protocol.imap.backend.MessageData;
import dev.yubin.protocol.imap.backend.SearchKey;
import dev.yubin.protocol.imap.wire.ResponseLine;
import java.util.Arrays;

/**
 * What SEARCH, SORT and THREAD share once a program is parsed: asking the backend within the
 * session's view, keeping only messages the client knows, turning UIDs into the numbers the client
 * asked for, and the {@code * SEARCH} / {@code * SORT} responses with their optional MODSEQ.
 *
 * @see "RFC 3501 §7.2.5, RFC 5256 §4, RFC 7162 §3.1.5 (search-sort-mod-seq)"
 */
final class SearchResults {

  /** MODSEQs are read from the backend this many messages at a time. */
  private static final int MODSEQ_BATCH = 1024;

  private SearchResults() {}

  /** The matching UIDs of the view, ascending. */
  static long[] search(ImapSession session, SelectedMailbox mailbox, SearchParser.Program program) {
    SearchKey key = program.inView(mailbox);
    if (key == null) {
      return new long[0];
    }
    long[] found = session.backend().search(session.principal(), mailbox.id(), key);
    return inView(mailbox, Arrays.stream(found).sorted().distinct().toArray());
  }

  /** The UIDs the view holds, in the given order. */
  static long[] inView(SelectedMailbox mailbox, long[] uids) {
    return Arrays.stream(uids).filter(uid -> mailbox.msnOf(uid) > 0).toArray();
  }

  /**
   * UIDs of the view as the client's numbers: themselves for UID commands, else message numbers.
   */
  static long[] numbers(SelectedMailbox mailbox, long[] uids, boolean byUid) {
    return byUid ? uids : Arrays.stream(uids).map(mailbox::msnOf).toArray();
  }

  /** The highest MODSEQ among the messages, or -1 when there are none. */
  static long highestModseq(ImapSession session, SelectedMailbox mailbox, long[] uids) {
    long highest = -1;
    for (int from = 0; from < uids.length; from += MODSEQ_BATCH) {
      long[] batch = Arrays.copyOfRange(uids, from, Math.min(uids.length, from + MODSEQ_BATCH));
      for (MessageData data :
          session.backend().fetch(session.principal(), mailbox.id(), batch, false)) {
        highest = Math.max(highest, data.modseq());
      }
    }
    return highest;
  }

  /**
   * {@code * SEARCH n...} or {@code * SORT n...}, with {@code (MODSEQ m)} after a non-empty result
   * when {@code modseq} >= 0.
   */
  static void write(ImapSession session, String response, long[] numbers, long modseq) {
    ResponseLine line = session.untagged().ascii(response);
    for (long n : numbers) {
      line.sp().number(n);
    }
    if (numbers.length > 0 && modseq >= 0) {
      line.ascii(" (MODSEQ ").number(modseq).ascii(")");
    }
    line.writeTo(session.out());
  }
}
