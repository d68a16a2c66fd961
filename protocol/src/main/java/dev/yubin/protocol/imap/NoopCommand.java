package dev.yubin.protocol.imap;

/**
 * {@code NOOP}: does nothing, so the session reports what changed.
 *
 * @see "RFC 3501 §6.1.2"
 */
final class NoopCommand extends ImapCommand {

  NoopCommand() {
    super("NOOP", ANY);
  }

  @Override
  Completion execute(ImapSession session, Request request) {
    request.args().end();
    return Completion.ok("NOOP completed");
  }
}
