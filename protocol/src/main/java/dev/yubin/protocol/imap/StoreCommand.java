package dev.yubin.protocol.imap;

import dev.yubin.protocol.imap.backend.MessageFlags;
import dev.yubin.protocol.imap.backend.StoreMode;
import dev.yubin.protocol.imap.backend.StoreOutcome;
import dev.yubin.protocol.imap.wire.ArgumentReader;
import dev.yubin.protocol.imap.wire.ImapSyntaxException;
import dev.yubin.protocol.imap.wire.ResponseLine;
import dev.yubin.protocol.imap.wire.SequenceSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * {@code STORE set [(UNCHANGEDSINCE n)] [+|-]FLAGS[.SILENT] flags} and {@code UID STORE}: changes
 * flags and reports the result (unless .SILENT). \Recent cannot be changed and is ignored. With
 * UNCHANGEDSINCE, messages changed since are left alone and named in {@code [MODIFIED]}.
 *
 * @see "RFC 3501 §6.4.6, RFC 7162 §3.1.3"
 */
final class StoreCommand extends MessageNumberCommand {

  StoreCommand() {
    super("STORE");
  }

  @Override
  Completion execute(ImapSession session, Request request) {
    ArgumentReader args = request.args();
    args.space();
    SequenceSet set = args.sequenceSet();
    args.space();
    long unchangedSince = -1;
    if (args.consume('(')) {
      if (!args.keyword().equals("UNCHANGEDSINCE")) {
        throw new ImapSyntaxException("unknown STORE modifier");
      }
      args.space();
      unchangedSince = args.number();
      args.expect(')');
      args.space();
    }
    StoreMode mode =
        args.consume('+')
            ? StoreMode.ADD
            : args.consume('-') ? StoreMode.REMOVE : StoreMode.REPLACE;
    String operation = args.itemName();
    boolean silent = operation.equals("FLAGS.SILENT");
    if (!silent && !operation.equals("FLAGS")) {
      throw new ImapSyntaxException("expected [+|-]FLAGS[.SILENT]");
    }
    args.space();
    Set<String> flags = new LinkedHashSet<>(args.flagList(true));
    args.end();
    flags.remove("\\Recent");
    return store(session, request, set, flags, mode, silent, unchangedSince);
  }

  private static Completion store(
      ImapSession session,
      Request request,
      SequenceSet set,
      Set<String> flags,
      StoreMode mode,
      boolean silent,
      long unchangedSince) {
    SelectedMailbox mailbox = session.selected();
    if (mailbox.readOnly()) {
      return Completion.no("READ-ONLY", "mailbox is read-only");
    }
    long[] uids = mailbox.resolve(set, request.uid());
    if (unchangedSince >= 0) {
      session.enable("CONDSTORE");
    }
    StoreOutcome outcome =
        session
            .backend()
            .store(session.principal(), mailbox.id(), uids, mode, flags, unchangedSince);
    for (MessageFlags message : outcome.updated()) {
      mailbox.learnKeywords(session, message.flags());
    }
    for (MessageFlags message : outcome.updated()) {
      mailbox.reported(message.uid(), message.modseq());
      int msn = mailbox.msnOf(message.uid());
      boolean condstore = session.isEnabled("CONDSTORE");
      if (msn == 0 || (silent && !condstore)) {
        continue;
      }
      ResponseLine line = session.untagged().number(msn).ascii(" FETCH (");
      if (!silent) {
        Flags.writeFlagList(line, message.flags(), mailbox.isRecent(message.uid()));
      }
      if (request.uid()) {
        line.ascii(silent ? "UID " : " UID ").number(message.uid());
      }
      if (condstore) {
        line.ascii(silent && !request.uid() ? "" : " ")
            .ascii("MODSEQ (")
            .number(message.modseq())
            .ascii(")");
      }
      line.close().writeTo(session.out());
    }
    if (outcome.modified().length > 0) {
      long[] modified = outcome.modified();
      if (!request.uid()) {
        for (int i = 0; i < modified.length; i++) {
          modified[i] = mailbox.msnOf(modified[i]);
        }
        java.util.Arrays.sort(modified);
      }
      return Completion.ok("MODIFIED " + SequenceSet.format(modified), "Conditional STORE failed");
    }
    return Completion.ok("STORE completed");
  }
}
