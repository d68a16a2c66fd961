package dev.yubin.protocol.imap;

import dev.yubin.protocol.imap.wire.ArgumentReader;
import dev.yubin.protocol.imap.wire.ImapSyntaxException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code CREATE mailbox [(USE (attrs))]}: creates a mailbox and any missing parents; a trailing "/"
 * only declares a parent.
 *
 * @see "RFC 3501 §6.3.3, RFC 6154 §3 (CREATE-SPECIAL-USE)"
 */
final class CreateCommand extends ImapCommand {

  CreateCommand() {
    super("CREATE", AUTHENTICATED);
  }

  @Override
  List<String> capabilities(ImapSession session) {
    return List.of("CREATE-SPECIAL-USE");
  }

  @Override
  Completion execute(ImapSession session, Request request) {
    ArgumentReader args = request.args();
    args.space();
    String name = MailboxNames.withoutTrailingDelimiter(session.decodeMailboxName(args.astring()));
    Set<String> use = new LinkedHashSet<>();
    if (args.consume(' ')) {
      args.expect('(');
      String param = args.keyword();
      if (!param.equals("USE")) {
        throw new ImapSyntaxException("unknown CREATE parameter " + param);
      }
      args.space();
      args.expect('(');
      if (!args.consume(')')) {
        do {
          use.add(args.flag(false));
        } while (args.consume(' '));
        args.expect(')');
      }
      args.expect(')');
    }
    args.end();
    if (name.equals("INBOX")) {
      return Completion.no("ALREADYEXISTS", "INBOX always exists");
    }
    MailboxNames.validate(name);
    return MailboxOutcomes.completion(
        session.backend().create(session.principal(), name, use), "CREATE");
  }
}
