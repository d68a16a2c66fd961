package dev.yubin.protocol.imap;

import dev.yubin.protocol.imap.wire.ArgumentReader;
import dev.yubin.protocol.imap.wire.ImapSyntaxException;
import java.util.List;

/**
 * {@code ID (...)}: the client's identification is read and ignored; the server names itself.
 *
 * @see "RFC 2971"
 */
final class IdCommand extends ImapCommand {

  /** RFC 2971 §3.3: at most 30 field-value pairs. */
  private static final int MAX_PAIRS = 30;

  IdCommand() {
    super("ID", ANY);
  }

  @Override
  List<String> capabilities(ImapSession session) {
    return List.of("ID");
  }

  @Override
  Completion execute(ImapSession session, Request request) {
    ArgumentReader args = request.args();
    args.space();
    if (args.consume('(')) {
      int pairs = 0;
      if (!args.consume(')')) {
        do {
          if (++pairs > MAX_PAIRS) {
            throw new ImapSyntaxException("too many ID fields");
          }
          args.string();
          args.space();
          args.nstring();
        } while (args.consume(' '));
        args.expect(')');
      }
    } else {
      args.nstring();
    }
    args.end();
    session.untagged().ascii("ID (\"name\" \"Yubin\" \"vendor\" \"Yubin\")").writeTo(session.out());
    return Completion.ok("ID completed");
  }
}
