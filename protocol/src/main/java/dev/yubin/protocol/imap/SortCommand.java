package dev.yubin.protocol.imap;

import dev.yubin.protocol.imap.backend.SearchKey;
import dev.yubin.protocol.imap.backend.SortKey;
import dev.yubin.protocol.imap.wire.ArgumentReader;
import dev.yubin.protocol.imap.wire.ImapSyntaxException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code SORT (criteria) charset keys} and {@code UID SORT}: the messages matching the keys, in the
 * order of the criteria, as one {@code * SORT} response. The backend sorts; ties keep mailbox
 * order. A MODSEQ key adds the highest MODSEQ of the result.
 *
 * @see "RFC 5256 §3 (SORT), RFC 5957 (DISPLAYFROM, DISPLAYTO), RFC 7162 §3.1.5"
 */
final class SortCommand extends MessageNumberCommand {

  SortCommand() {
    super("SORT");
  }

  @Override
  List<String> capabilities(ImapSession session) {
    return List.of("SORT", "SORT=DISPLAY");
  }

  @Override
  Completion execute(ImapSession session, Request request) {
    ArgumentReader args = request.args();
    args.space();
    List<SortKey> order = criteria(args);
    args.space();
    String charset = args.astring();
    args.space();
    SelectedMailbox mailbox = session.selected();
    SearchParser.Program program = SearchParser.parse(args, mailbox, null);
    Completion refused = SearchParser.checkCharset(session, charset, true);
    if (refused != null) {
      return refused;
    }
    if (program.usesModseq()) {
      session.enable("CONDSTORE");
    }
    SearchKey key = program.inView(mailbox);
    long[] uids =
        key == null
            ? new long[0]
            : SearchResults.inView(
                mailbox, session.backend().sort(session.principal(), mailbox.id(), order, key));
    long modseq = program.usesModseq() ? SearchResults.highestModseq(session, mailbox, uids) : -1;
    SearchResults.write(
        session, "SORT", SearchResults.numbers(mailbox, uids, request.uid()), modseq);
    return Completion.ok("SORT completed");
  }

  /** {@code "(" ["REVERSE" SP] sort-key *(SP ["REVERSE" SP] sort-key) ")"}. */
  private static List<SortKey> criteria(ArgumentReader args) {
    args.expect('(');
    List<SortKey> order = new ArrayList<>();
    do {
      String name = args.keyword();
      boolean reverse = name.equals("REVERSE");
      if (reverse) {
        args.space();
        name = args.keyword();
      }
      try {
        order.add(new SortKey(SortKey.Field.valueOf(name), reverse));
      } catch (IllegalArgumentException e) {
        throw new ImapSyntaxException("unknown sort criterion " + name);
      }
    } while (args.consume(' '));
    args.expect(')');
    return order;
  }
}
