package dev.yubin.protocol.imap;

import dev.yubin.protocol.imap.backend.CopyOutcome;
import dev.yubin.protocol.imap.wire.ArgumentReader;
import dev.yubin.protocol.imap.wire.SequenceSet;
import java.util.List;

/**
 * {@code COPY set mailbox}, {@code MOVE set mailbox} and their UID forms. The content is shared,
 * never copied; COPYUID names the new UIDs. MOVE sends COPYUID untagged, then the expunges of the
 * moved messages, which are allowed even for the message-number form.
 *
 * @see "RFC 3501 §6.4.7, RFC 4315 §3 (COPYUID), RFC 6851 (MOVE)"
 */
final class CopyCommand extends MessageNumberCommand {

  private final boolean move;

  CopyCommand(String name, boolean move) {
    super(name);
    this.move = move;
  }

  @Override
  List<String> capabilities(ImapSession session) {
    return move ? List.of("MOVE") : List.of("UIDPLUS");
  }

  @Override
  Updates updates(Request request) {
    return move ? Updates.ALL : super.updates(request);
  }

  @Override
  Completion execute(ImapSession session, Request request) {
    ArgumentReader args = request.args();
    args.space();
    SequenceSet set = args.sequenceSet();
    args.space();
    String target = session.decodeMailboxName(args.astring());
    args.end();
    SelectedMailbox mailbox = session.selected();
    if (move && mailbox.readOnly()) {
      return Completion.no("READ-ONLY", "mailbox is read-only");
    }
    long[] uids = mailbox.resolve(set, request.uid());
    if (uids.length == 0) {
      return Completion.ok(name() + " completed (no messages)");
    }
    CopyOutcome outcome =
        session.backend().copy(session.principal(), mailbox.id(), uids, target, move);
    switch (outcome.status()) {
      case NO_TARGET -> {
        return Completion.no("TRYCREATE", "No such mailbox");
      }
      case OVER_QUOTA -> {
        return Completion.no("OVERQUOTA", "Quota exceeded");
      }
      case OK -> {}
    }
    String copyUid =
        "COPYUID "
            + outcome.uidValidity()
            + " "
            + SequenceSet.format(outcome.sourceUids())
            + " "
            + SequenceSet.format(outcome.targetUids());
    if (!move) {
      return Completion.ok(copyUid, "COPY completed");
    }
    session.untagged().ascii("OK [" + copyUid + "] Moved").writeTo(session.out());
    mailbox.expunged(session, outcome.sourceUids());
    return Completion.ok("MOVE completed");
  }
}
