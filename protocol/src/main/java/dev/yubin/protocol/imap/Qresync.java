package dev.yubin.protocol.imap;

import dev.yubin.protocol.imap.backend.MailboxChanges;
import dev.yubin.protocol.imap.backend.MessageFlags;
import dev.yubin.protocol.imap.wire.ArgumentReader;
import dev.yubin.protocol.imap.wire.ResponseLine;
import dev.yubin.protocol.imap.wire.SequenceSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Quick resynchronization (RFC 7162 §3.2): what a client that knew the mailbox at a MODSEQ missed
 * since: {@code VANISHED (EARLIER)} for messages expunged since then, FETCH for messages added or
 * changed. Used by SELECT's QRESYNC parameter and by UID FETCH ... (CHANGEDSINCE n VANISHED).
 *
 * @param knownUids the UIDs the client knows (null: all); expunges are reported only among them
 */
record Qresync(long uidValidity, long modseq, SequenceSet knownUids) {

  /** Reads {@code (uidvalidity modseq [known-uids [(seq-match-data)]])}. */
  static Qresync parse(ArgumentReader args) {
    args.expect('(');
    long uidValidity = args.nzNumber();
    args.space();
    long modseq = args.number();
    SequenceSet known = null;
    if (args.consume(' ')) {
      if (!args.next('(')) {
        known = args.sequenceSet();
        args.consume(' ');
      }
      if (args.consume('(')) {
        // The message-number/UID pairs help servers without an expunge log; ours has one.
        args.sequenceSet();
        args.space();
        args.sequenceSet();
        args.expect(')');
      }
    }
    args.expect(')');
    return new Qresync(uidValidity, modseq, known);
  }

  /** Writes VANISHED (EARLIER) and the FETCH responses of what changed since {@link #modseq}. */
  void resynchronize(ImapSession session, SelectedMailbox mailbox) {
    MailboxChanges changes =
        session.backend().changes(session.principal(), mailbox.id(), modseq, false);
    if (changes == null) {
      return;
    }
    writeVanished(session, changes.expunged(), knownUids);
    writeChanged(session, mailbox, changes.changed(), null);
  }

  /** {@code * VANISHED (EARLIER) set} for the expunged UIDs within {@code among} (all if null). */
  static void writeVanished(ImapSession session, long[] expunged, SequenceSet among) {
    List<Long> vanished = new ArrayList<>();
    for (long uid : expunged) {
      if (among == null || among.contains(uid, Long.MAX_VALUE - 1)) {
        vanished.add(uid);
      }
    }
    if (!vanished.isEmpty()) {
      long[] uids = vanished.stream().mapToLong(Long::longValue).toArray();
      session
          .untagged()
          .ascii("VANISHED (EARLIER) " + SequenceSet.format(uids))
          .writeTo(session.out());
    }
  }

  /** FETCH (UID FLAGS MODSEQ) for changed messages the view holds (and within {@code among}). */
  static void writeChanged(
      ImapSession session, SelectedMailbox mailbox, List<MessageFlags> changed, long[] among) {
    for (MessageFlags message : changed) {
      int msn = mailbox.msnOf(message.uid());
      if (msn == 0 || (among != null && java.util.Arrays.binarySearch(among, message.uid()) < 0)) {
        continue;
      }
      mailbox.learnKeywords(session, message.flags());
      ResponseLine line =
          session.untagged().number(msn).ascii(" FETCH (UID ").number(message.uid());
      line.sp();
      Flags.writeFlagList(line, message.flags(), mailbox.isRecent(message.uid()));
      line.ascii(" MODSEQ (").number(message.modseq()).ascii(")").close().writeTo(session.out());
    }
  }
}
