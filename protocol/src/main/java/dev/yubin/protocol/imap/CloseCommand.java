package dev.yubin.protocol.imap;

import java.util.List;

/**
 * {@code CLOSE}: expunges silently (unless read-only) and deselects; {@code UNSELECT} deselects
 * without expunging.
 *
 * @see "RFC 3501 §6.4.2, RFC 3691 (UNSELECT)"
 */
final class CloseCommand extends ImapCommand {

  private final boolean expunge;

  CloseCommand(String name, boolean expunge) {
    super(name, SELECTED);
    this.expunge = expunge;
  }

  @Override
  List<String> capabilities(ImapSession session) {
    return expunge ? List.of() : List.of("UNSELECT");
  }

  @Override
  Updates updates(Request request) {
    return Updates.NONE;
  }

  @Override
  Completion execute(ImapSession session, Request request) {
    request.args().end();
    SelectedMailbox mailbox = session.selected();
    if (expunge && !mailbox.readOnly()) {
      session.backend().expunge(session.principal(), mailbox.id(), null);
    }
    session.deselect();
    return Completion.ok(name() + " completed");
  }
}
