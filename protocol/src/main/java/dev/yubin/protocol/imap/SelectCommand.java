package dev.yubin.protocol.imap;

import dev.yubin.protocol.imap.backend.SelectedState;
import dev.yubin.protocol.imap.wire.ArgumentReader;
import dev.yubin.protocol.imap.wire.ImapSyntaxException;

/**
 * {@code SELECT mailbox [(params)]} and {@code EXAMINE} (read-only): opens a mailbox and describes
 * it. A mailbox selected before is closed first, without expunging ({@code OK [CLOSED]} with
 * QRESYNC).
 *
 * @see "RFC 3501 §6.3.1-2, RFC 9051 §6.3.2, RFC 7162 §3.1.2 (CONDSTORE), §3.2.5 (QRESYNC)"
 */
final class SelectCommand extends ImapCommand {

  private final boolean readOnly;

  SelectCommand(String name, boolean readOnly) {
    super(name, AUTHENTICATED);
    this.readOnly = readOnly;
  }

  @Override
  Updates updates(Request request) {
    return Updates.NONE;
  }

  @Override
  Completion execute(ImapSession session, Request request) {
    ArgumentReader args = request.args();
    args.space();
    String name = session.decodeMailboxName(args.astring());
    boolean condstore = false;
    Qresync qresync = null;
    if (args.consume(' ')) {
      args.expect('(');
      do {
        String param = args.keyword();
        if (param.equals("CONDSTORE")) {
          condstore = true;
        } else if (param.equals("QRESYNC") && session.isEnabled("QRESYNC")) {
          args.space();
          qresync = Qresync.parse(args);
        } else {
          throw new ImapSyntaxException("unknown SELECT parameter " + param);
        }
      } while (args.consume(' '));
      args.expect(')');
    }
    args.end();
    if (session.state() == ImapState.SELECTED) {
      session.deselect();
      if (session.isEnabled("QRESYNC")) {
        session.untagged().ascii("OK [CLOSED] Previous mailbox closed").writeTo(session.out());
      }
    }
    SelectedState state = session.backend().select(session.principal(), name, !readOnly);
    if (state == null) {
      return Completion.no("NONEXISTENT", "No such mailbox");
    }
    if (condstore) {
      session.enable("CONDSTORE");
    }
    SelectedMailbox mailbox = new SelectedMailbox(session.backend(), session.principal(), state);
    session.select(mailbox);
    describe(session, mailbox, state);
    if (qresync != null && qresync.uidValidity() == mailbox.uidValidity()) {
      qresync.resynchronize(session, mailbox);
    }
    return Completion.ok(mailbox.readOnly() ? "READ-ONLY" : "READ-WRITE", name() + " completed");
  }

  private static void describe(ImapSession session, SelectedMailbox mailbox, SelectedState state) {
    boolean rev2 = session.isEnabled("IMAP4REV2");
    Flags.writeFlags(session, mailbox);
    session.untagged().number(mailbox.count()).ascii(" EXISTS").writeTo(session.out());
    if (!rev2) {
      session.untagged().number(mailbox.recentCount()).ascii(" RECENT").writeTo(session.out());
      if (state.firstUnseenUid() > 0) {
        int msn = mailbox.msnOf(state.firstUnseenUid());
        session.untagged().ascii("OK [UNSEEN " + msn + "] First unseen").writeTo(session.out());
      }
    }
    session
        .untagged()
        .ascii("OK [UIDVALIDITY " + mailbox.uidValidity() + "] UIDs valid")
        .writeTo(session.out());
    session
        .untagged()
        .ascii("OK [UIDNEXT " + mailbox.uidNext() + "] Predicted next UID")
        .writeTo(session.out());
    session
        .untagged()
        .ascii("OK [HIGHESTMODSEQ " + mailbox.highestModseq() + "] Highest")
        .writeTo(session.out());
    if (rev2) {
      session
          .untagged()
          .ascii("LIST () \"/\" ")
          .string(session.encodeMailboxName(mailbox.name()))
          .writeTo(session.out());
    }
  }
}
