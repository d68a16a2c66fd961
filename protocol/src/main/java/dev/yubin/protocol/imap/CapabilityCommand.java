package dev.yubin.protocol.imap;

import java.util.List;

/**
 * {@code CAPABILITY}: lists what the server offers in this state.
 *
 * @see "RFC 3501 §6.1.1, RFC 7888 (LITERAL+)"
 */
final class CapabilityCommand extends ImapCommand {

  CapabilityCommand() {
    super("CAPABILITY", ANY);
  }

  @Override
  List<String> capabilities(ImapSession session) {
    return List.of("LITERAL+");
  }

  @Override
  Completion execute(ImapSession session, Request request) {
    request.args().end();
    session
        .untagged()
        .ascii("CAPABILITY " + String.join(" ", session.capabilities()))
        .writeTo(session.out());
    return Completion.ok("CAPABILITY completed");
  }
}
