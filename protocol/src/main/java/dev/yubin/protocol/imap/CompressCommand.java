package dev.yubin.protocol.imap;

import java.util.List;

/**
 * {@code COMPRESS DEFLATE}: after the tagged OK both directions are raw DEFLATE until the
 * connection ends; the transport compresses and inflates, the session goes on reading plain
 * commands. Offered once authenticated, as Dovecot does (its login process does not list it).
 *
 * @see "RFC 4978 §3, RFC 5530 §3 (COMPRESSIONACTIVE)"
 */
final class CompressCommand extends ImapCommand {

  static final String DEFLATE = "DEFLATE";

  CompressCommand() {
    super("COMPRESS", AUTHENTICATED);
  }

  @Override
  List<String> capabilities(ImapSession session) {
    return session.state() == ImapState.NOT_AUTHENTICATED
        ? List.of()
        : List.of("COMPRESS=" + DEFLATE);
  }

  @Override
  Completion execute(ImapSession session, Request request) {
    request.args().space();
    String mechanism = request.args().keyword();
    request.args().end();
    if (!mechanism.equals(DEFLATE)) {
      return Completion.bad("unknown compression mechanism " + mechanism);
    }
    if (session.compressing()) {
      return Completion.no("COMPRESSIONACTIVE", "DEFLATE is already active");
    }
    session.complete(request.tag(), Completion.ok("DEFLATE active"));
    session.startCompression();
    return Completion.PENDING;
  }
}
