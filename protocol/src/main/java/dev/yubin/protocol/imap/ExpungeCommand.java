package dev.yubin.protocol.imap;

import dev.yubin.protocol.imap.wire.ArgumentReader;
import dev.yubin.protocol.imap.wire.SequenceSet;
import java.util.List;

/**
 * {@code EXPUNGE} and {@code UID EXPUNGE set}: removes messages marked \Deleted (only those in the
 * set for the UID form) and reports each removal.
 *
 * @see "RFC 3501 §6.4.3, RFC 4315 §2.1 (UID EXPUNGE)"
 */
final class ExpungeCommand extends ImapCommand {

  ExpungeCommand() {
    super("EXPUNGE", SELECTED);
  }

  @Override
  boolean hasUidForm() {
    return true;
  }

  @Override
  List<String> capabilities(ImapSession session) {
    return List.of("UIDPLUS");
  }

  @Override
  Completion execute(ImapSession session, Request request) {
    ArgumentReader args = request.args();
    long[] among = null;
    SelectedMailbox mailbox = session.selected();
    if (request.uid()) {
      args.space();
      SequenceSet set = args.sequenceSet();
      args.end();
      among = mailbox.resolve(set, true);
    } else {
      args.end();
    }
    if (mailbox.readOnly()) {
      return Completion.no("READ-ONLY", "mailbox is read-only");
    }
    long[] expunged = session.backend().expunge(session.principal(), mailbox.id(), among);
    mailbox.expunged(session, expunged);
    return Completion.ok("EXPUNGE completed");
  }
}
