package dev.yubin.protocol.imap;

import dev.yubin.protocol.imap.wire.ArgumentReader;
import java.util.List;
import java.util.Set;

/**
 * {@code LSUB reference pattern}: the subscribed names that match.
 *
 * @see "RFC 3501 §6.3.9 (deprecated by RFC 9051 in favour of LIST (SUBSCRIBED))"
 */
final class LsubCommand extends ImapCommand {

  LsubCommand() {
    super("LSUB", AUTHENTICATED);
  }

  @Override
  Completion execute(ImapSession session, Request request) {
    ArgumentReader args = request.args();
    args.space();
    String reference = session.decodeMailboxName(args.astring());
    args.space();
    String pattern = session.decodeMailboxName(args.listMailbox());
    args.end();
    ListCommand.respond(
        session, reference, List.of(pattern), Set.of("SUBSCRIBED"), Set.of(), null, "LSUB");
    return Completion.ok("LSUB completed");
  }
}
