package dev.yubin.protocol.imap;

import dev.yubin.protocol.imap.backend.ImapBackend;
import dev.yubin.protocol.imap.backend.MailboxChanges;
import dev.yubin.protocol.imap.backend.MessageFlags;
import dev.yubin.protocol.imap.backend.SelectedState;
import dev.yubin.protocol.imap.wire.ImapSyntaxException;
import dev.yubin.protocol.imap.wire.ResponseLine;
import dev.yubin.protocol.imap.wire.SequenceSet;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A session's view of its selected mailbox: the UIDs it has announced, in order (message number n
 * is the n-th), and what it knows of the mailbox's state. Changes made elsewhere reach the view
 * only at {@link #report}, where the session may tell the client, so message numbers never shift
 * under a command that uses them (RFC 3501 §7.4.1, §5.5).
 *
 * <p>Announced-but-expunged messages stay (numbered) until an EXPUNGE may be sent; EXISTS never
 * counts below them.
 */
final class SelectedMailbox {

  private static final System.Logger LOG = System.getLogger(SelectedMailbox.class.getName());

  private final ImapBackend backend;
  private final String principal;
  private final long id;
  private final String name;
  private final long uidValidity;
  private final boolean readOnly;
  private long[] uids;
  private int count;
  private long uidNext;
  private long highestModseq;
  private List<String> keywords;
  private final TreeSet<Long> recent = new TreeSet<>();
  private final TreeSet<Long> expungedPending = new TreeSet<>();

  /** The UIDs {@code $} stands for (RFC 5182); expunged ones drop out as they leave the view. */
  private long[] saved = new long[0];

  /** Flags (and MODSEQ) this session has just reported itself, so they are not repeated. */
  private final Map<Long, Long> reportedModseq = new HashMap<>();

  private volatile boolean changed;
  private AutoCloseable watch;

  SelectedMailbox(ImapBackend backend, String principal, SelectedState state) {
    this.backend = backend;
    this.principal = principal;
    this.id = state.mailboxId();
    this.name = state.name();
    this.uidValidity = state.uidValidity();
    this.readOnly = state.readOnly();
    this.uids = Arrays.copyOf(state.uids(), Math.max(16, state.uids().length));
    this.count = state.uids().length;
    this.uidNext = state.uidNext();
    this.highestModseq = state.highestModseq();
    this.keywords = List.copyOf(state.keywords());
    for (long uid : state.recentUids()) {
      recent.add(uid);
    }
  }

  long id() {
    return id;
  }

  String name() {
    return name;
  }

  long uidValidity() {
    return uidValidity;
  }

  boolean readOnly() {
    return readOnly;
  }

  long uidNext() {
    return uidNext;
  }

  long highestModseq() {
    return highestModseq;
  }

  /**
   * This session's own change took {@code modseq}: if it is the next after what the view holds,
   * nothing else changed in between (MODSEQs are taken in commit order), and the next report need
   * not read this change back (a STORE over 100,000 messages would).
   */
  void changedHere(long modseq) {
    if (modseq == highestModseq + 1) {
      highestModseq = modseq;
    }
  }

  List<String> keywords() {
    return keywords;
  }

  /** The number of messages the client knows of (EXISTS). */
  int count() {
    return count;
  }

  int recentCount() {
    return recent.size();
  }

  boolean isRecent(long uid) {
    return recent.contains(uid);
  }

  /** The UID of message number {@code msn} (1-based). */
  long uidAt(int msn) {
    return uids[msn - 1];
  }

  /** The message number of {@code uid}, or 0 if the view does not hold it. */
  int msnOf(long uid) {
    int i = Arrays.binarySearch(uids, 0, count, uid);
    return i >= 0 ? i + 1 : 0;
  }

  /** Whether another session expunged the message and the client has not been told yet. */
  boolean isExpunged(long uid) {
    return expungedPending.contains(uid);
  }

  /** All UIDs of the view, ascending. */
  long[] allUids() {
    return Arrays.copyOf(uids, count);
  }

  /**
   * The UIDs a sequence set names, ascending, without duplicates: message numbers (which must
   * exist, RFC 3501 §9 seq-number) or UIDs (absent ones ignored, RFC 3501 §6.4.8). {@code $} is the
   * saved search result, possibly empty (RFC 5182 §2.1).
   */
  long[] resolve(SequenceSet set, boolean byUid) {
    if (set.isSaved()) {
      return Arrays.stream(saved).filter(uid -> msnOf(uid) > 0).toArray();
    }
    if (count == 0) {
      if (!byUid) {
        throw new ImapSyntaxException("no messages in the mailbox");
      }
      return new long[0];
    }
    // Message positions, not boxed UIDs: 1:* of a 100,000-message mailbox is one pass.
    BitSet named = new BitSet(count);
    if (byUid) {
      for (SequenceSet.Range r : set.resolve(uids[count - 1])) {
        int from = lowerBound(r.first());
        int to = from;
        while (to < count && uids[to] <= r.last()) {
          to++;
        }
        named.set(from, to);
      }
    } else {
      for (SequenceSet.Range r : set.resolve(count)) {
        if (r.first() < 1 || r.last() > count) {
          throw new ImapSyntaxException(
              "invalid message number " + (r.last() > count ? r.last() : r.first()));
        }
        named.set((int) r.first() - 1, (int) r.last());
      }
    }
    return named.stream().mapToLong(i -> uids[i]).toArray();
  }

  /** SEARCH RETURN (SAVE): what {@code $} names from now on (RFC 5182 §2.1). */
  void save(long[] uids) {
    saved = uids.clone();
  }

  private int lowerBound(long uid) {
    int i = Arrays.binarySearch(uids, 0, count, uid);
    return i >= 0 ? i : -i - 1;
  }

  void watch(ImapSession session, Runnable waker) {
    try {
      watch =
          backend.watch(
              principal,
              id,
              () -> {
                changed = true;
                waker.run();
              });
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "IMAP cannot watch mailbox " + name + "; changes seen at NOOP", e);
      changed = true;
    }
  }

  void unwatch() {
    if (watch != null) {
      try {
        watch.close();
      } catch (Exception e) {
        LOG.log(Level.DEBUG, "closing a mailbox watch failed", e);
      }
      watch = null;
    }
  }

  /** Whether a change was announced since the last {@link #report}. */
  boolean hasNews() {
    return changed || (watch == null);
  }

  /** Remembers flags a command reported itself, so the next report does not repeat them. */
  void reported(long uid, long modseq) {
    reportedModseq.merge(uid, modseq, Math::max);
  }

  /**
   * Reads what changed and tells the client as far as allowed: new keywords (FLAGS), new messages
   * (EXISTS, RECENT), flag changes (FETCH), and, when {@code expungesAllowed}, expunges (EXPUNGE,
   * or VANISHED with QRESYNC). Answers false if the mailbox is gone.
   */
  boolean report(ImapSession session, boolean expungesAllowed) {
    if (changed || watch == null) {
      changed = false;
      MailboxChanges changes = backend.changes(principal, id, highestModseq, !readOnly);
      if (changes == null) {
        return false;
      }
      apply(session, changes);
    }
    if (expungesAllowed && !expungedPending.isEmpty()) {
      announceExpunges(session);
    }
    reportedModseq.clear();
    return true;
  }

  private void apply(ImapSession session, MailboxChanges changes) {
    learnKeywords(session, changes.keywords());
    Set<Long> gone = new TreeSet<>();
    for (long uid : changes.expunged()) {
      gone.add(uid);
    }
    int before = count;
    List<MessageFlags> flagChanges = new ArrayList<>();
    for (MessageFlags message : changes.changed()) {
      long uid = message.uid();
      if (gone.contains(uid)) {
        continue;
      }
      if (uid >= uidNext) {
        append(uid);
      } else if (msnOf(uid) > 0) {
        flagChanges.add(message);
      }
    }
    for (long uid : changes.recentUids()) {
      recent.add(uid);
    }
    for (long uid : gone) {
      if (msnOf(uid) > 0) {
        expungedPending.add(uid);
      }
    }
    uidNext = Math.max(uidNext, changes.uidNext());
    highestModseq = Math.max(highestModseq, changes.highestModseq());
    if (count != before) {
      session.untagged().number(count).ascii(" EXISTS").writeTo(session.out());
      if (!session.isEnabled("IMAP4REV2")) {
        session.untagged().number(recent.size()).ascii(" RECENT").writeTo(session.out());
      }
    }
    for (MessageFlags message : flagChanges) {
      Long mine = reportedModseq.get(message.uid());
      if (expungedPending.contains(message.uid()) || (mine != null && mine >= message.modseq())) {
        continue;
      }
      ResponseLine line = session.untagged().number(msnOf(message.uid())).ascii(" FETCH (");
      line.ascii("UID ").number(message.uid()).sp();
      Flags.writeFlagList(line, message.flags(), isRecent(message.uid()));
      if (session.isEnabled("CONDSTORE")) {
        line.ascii(" MODSEQ (").number(message.modseq()).ascii(")");
      }
      line.close().writeTo(session.out());
    }
  }

  /**
   * Announces keywords the client has not seen in FLAGS yet, before any FETCH shows them (RFC 3501
   * §7.2.6).
   */
  void learnKeywords(ImapSession session, java.util.Collection<String> flags) {
    Set<String> all = new TreeSet<>(keywords);
    for (String flag : flags) {
      if (!flag.startsWith("\\")) {
        all.add(flag);
      }
    }
    if (all.size() != keywords.size()) {
      keywords = List.copyOf(all);
      Flags.writeFlags(session, this);
    }
  }

  private void append(long uid) {
    if (count == uids.length) {
      uids = Arrays.copyOf(uids, count * 2);
    }
    uids[count++] = uid;
  }

  /** Removes the messages of {@code expunged} from the view, telling the client. */
  void expunged(ImapSession session, long[] expunged) {
    for (long uid : expunged) {
      if (msnOf(uid) > 0) {
        expungedPending.add(uid);
      }
    }
    announceExpunges(session);
  }

  private void announceExpunges(ImapSession session) {
    if (session.isEnabled("QRESYNC")) {
      long[] vanished = expungedPending.stream().mapToLong(Long::longValue).toArray();
      for (long uid : vanished) {
        remove(msnOf(uid));
      }
      session.untagged().ascii("VANISHED " + SequenceSet.format(vanished)).writeTo(session.out());
    } else {
      // Highest first, so that each number is still right when the client reads it.
      for (long uid : expungedPending.descendingSet()) {
        int msn = msnOf(uid);
        remove(msn);
        session.untagged().number(msn).ascii(" EXPUNGE").writeTo(session.out());
      }
    }
    for (long uid : expungedPending) {
      recent.remove(uid);
    }
    expungedPending.clear();
  }

  private void remove(int msn) {
    System.arraycopy(uids, msn, uids, msn - 1, count - msn);
    count--;
  }
}
