package dev.yubin.protocol.imap;

import dev.yubin.protocol.imap.wire.ArgumentReader;

/**
 * {@code DELETE mailbox}: removes it and its messages; INBOX and mailboxes with children are kept.
 *
 * @see "RFC 3501 §6.3.4"
 */
final class DeleteCommand extends ImapCommand {

  DeleteCommand() {
    super("DELETE", AUTHENTICATED);
  }

  @Override
  Completion execute(ImapSession session, Request request) {
    ArgumentReader args = request.args();
    args.space();
    String name = session.decodeMailboxName(args.astring());
    args.end();
    if (name.equals("INBOX")) {
      return Completion.no("CANNOT", "INBOX cannot be deleted");
    }
    if (session.selected() != null && session.selected().name().equals(name)) {
      session.deselect(); // RFC 9051 §6.3.4: deleting the selected mailbox deselects it
    }
    return MailboxOutcomes.completion(
        session.backend().delete(session.principal(), name), "DELETE");
  }
}
