package dev.yubin.protocol.imap;

import dev.yubin.protocol.imap.backend.MailboxStatus;
import dev.yubin.protocol.imap.wire.ArgumentReader;
import dev.yubin.protocol.imap.wire.ImapSyntaxException;
import dev.yubin.protocol.imap.wire.ResponseLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code STATUS mailbox (items)}: counters of a mailbox without selecting it.
 *
 * @see "RFC 3501 §6.3.10, RFC 9051 §6.3.11 (DELETED, SIZE), RFC 7162 (HIGHESTMODSEQ), RFC 8438
 *     (STATUS=SIZE), RFC 7889 (APPENDLIMIT)"
 */
final class StatusCommand extends ImapCommand {

  private static final Set<String> ITEMS =
      Set.of(
          "MESSAGES",
          "RECENT",
          "UIDNEXT",
          "UIDVALIDITY",
          "UNSEEN",
          "HIGHESTMODSEQ",
          "SIZE",
          "DELETED",
          "APPENDLIMIT");

  StatusCommand() {
    super("STATUS", AUTHENTICATED);
  }

  @Override
  List<String> capabilities(ImapSession session) {
    return List.of("STATUS=SIZE");
  }

  @Override
  Completion execute(ImapSession session, Request request) {
    ArgumentReader args = request.args();
    args.space();
    String name = session.decodeMailboxName(args.astring());
    args.space();
    List<String> items = items(args);
    args.end();
    MailboxStatus status = session.backend().status(session.principal(), name);
    if (status == null) {
      return Completion.no("NONEXISTENT", "No such mailbox");
    }
    write(session, name, status, items);
    return Completion.ok("STATUS completed");
  }

  /** A parenthesized list of status items. */
  static List<String> items(ArgumentReader args) {
    args.expect('(');
    List<String> items = new ArrayList<>();
    do {
      String item = args.keyword();
      if (!ITEMS.contains(item)) {
        throw new ImapSyntaxException("unknown STATUS item " + item);
      }
      items.add(item);
    } while (args.consume(' '));
    args.expect(')');
    return items;
  }

  /** {@code * STATUS name (item value ...)}. */
  static void write(ImapSession session, String name, MailboxStatus status, List<String> items) {
    ResponseLine line = session.untagged().ascii("STATUS ");
    line.string(session.encodeMailboxName(name)).ascii(" (");
    boolean first = true;
    for (String item : items) {
      if (!first) {
        line.sp();
      }
      first = false;
      line.ascii(item).sp();
      switch (item) {
        case "MESSAGES" -> line.number(status.messages());
        case "RECENT" -> line.number(status.recent());
        case "UIDNEXT" -> line.number(status.uidNext());
        case "UIDVALIDITY" -> line.number(status.uidValidity());
        case "UNSEEN" -> line.number(status.unseen());
        case "HIGHESTMODSEQ" -> line.number(status.highestModseq());
        case "SIZE" -> line.number(status.size());
        case "DELETED" -> line.number(status.deleted());
        case "APPENDLIMIT" -> line.number(session.config().appendLimit());
        default -> throw new IllegalStateException(item);
      }
    }
    line.close().writeTo(session.out());
  }
}
