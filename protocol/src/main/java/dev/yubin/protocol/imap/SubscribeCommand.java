package dev.yubin.protocol.imap;

import dev.yubin.protocol.imap.wire.ArgumentReader;

/**
 * {@code SUBSCRIBE mailbox} and {@code UNSUBSCRIBE mailbox}.
 *
 * @see "RFC 3501 §6.3.6-7"
 */
final class SubscribeCommand extends ImapCommand {

  private final boolean subscribe;

  SubscribeCommand(String name, boolean subscribe) {
    super(name, AUTHENTICATED);
    this.subscribe = subscribe;
  }

  @Override
  Completion execute(ImapSession session, Request request) {
    ArgumentReader args = request.args();
    args.space();
    String name = session.decodeMailboxName(args.astring());
    args.end();
    if (subscribe) {
      MailboxNames.validate(name);
    }
    return MailboxOutcomes.completion(
        session.backend().subscribe(session.principal(), name, subscribe), name());
  }
}
