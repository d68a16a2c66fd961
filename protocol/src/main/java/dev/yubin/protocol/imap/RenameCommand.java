package dev.yubin.protocol.imap;

import dev.yubin.protocol.imap.wire.ArgumentReader;

/**
 * {@code RENAME from to}: renames a mailbox and those below it; renaming INBOX moves its messages
 * to the new mailbox and leaves INBOX empty.
 *
 * @see "RFC 3501 §6.3.5"
 */
final class RenameCommand extends ImapCommand {

  RenameCommand() {
    super("RENAME", AUTHENTICATED);
  }

  @Override
  Completion execute(ImapSession session, Request request) {
    ArgumentReader args = request.args();
    args.space();
    String from = session.decodeMailboxName(args.astring());
    args.space();
    String to = MailboxNames.withoutTrailingDelimiter(session.decodeMailboxName(args.astring()));
    args.end();
    if (to.equals("INBOX")) {
      return Completion.no("ALREADYEXISTS", "INBOX always exists");
    }
    MailboxNames.validate(to);
    return MailboxOutcomes.completion(
        session.backend().rename(session.principal(), from, to), "RENAME");
  }
}
