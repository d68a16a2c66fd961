package dev.yubin.protocol.imap;

/**
 * A command on the selected mailbox that names or answers messages by number, or by UID in its
 * {@code UID} form. After the number form the session must not report EXPUNGE, which would shift
 * the numbers the client is reading (RFC 3501 §7.4.1); after the UID form it reports everything.
 */
abstract class MessageNumberCommand extends ImapCommand {

  MessageNumberCommand(String name) {
    super(name, SELECTED);
  }

  @Override
  final boolean hasUidForm() {
    return true;
  }

  @Override
  Updates updates(Request request) {
    return request.uid() ? Updates.ALL : Updates.NO_EXPUNGE;
  }
}
