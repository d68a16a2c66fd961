package dev.yubin.protocol.imap;

import java.util.List;

/**
 * {@code STARTTLS}: TLS starts after the tagged OK; input the client sent before the handshake is
 * discarded, and the client must ask for capabilities again.
 *
 * @see "RFC 3501 §6.2.1, RFC 2595 §3.1"
 */
final class StartTlsCommand extends ImapCommand {

  StartTlsCommand() {
    super("STARTTLS", NOT_AUTHENTICATED);
  }

  @Override
  List<String> capabilities(ImapSession session) {
    return session.isSecure() || session.state() != ImapState.NOT_AUTHENTICATED
        ? List.of()
        : List.of("STARTTLS");
  }

  @Override
  Completion execute(ImapSession session, Request request) {
    request.args().end();
    if (session.isSecure()) {
      return Completion.bad("TLS is already active");
    }
    session.complete(request.tag(), Completion.ok("Begin TLS negotiation now"));
    session.startTls();
    return Completion.PENDING;
  }
}
