package dev.yubin.protocol.imap;

/**
 * {@code CHECK}: every change is durable when acknowledged, so this is NOOP in the selected state.
 *
 * @see "RFC 3501 §6.4.1 (removed by RFC 9051)"
 */
final class CheckCommand extends ImapCommand {

  CheckCommand() {
    super("CHECK", SELECTED);
  }

  @Override
  Completion execute(ImapSession session, Request request) {
    request.args().end();
    return Completion.ok("CHECK completed");
  }
}
