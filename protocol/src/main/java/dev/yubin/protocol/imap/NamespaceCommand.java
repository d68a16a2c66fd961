package dev.yubin.protocol.imap;

import java.util.List;

/**
 * {@code NAMESPACE}: one personal namespace with "/" as delimiter, no shared or other users'.
 *
 * @see "RFC 2342, RFC 9051 §6.3.10"
 */
final class NamespaceCommand extends ImapCommand {

  NamespaceCommand() {
    super("NAMESPACE", AUTHENTICATED);
  }

  @Override
  List<String> capabilities(ImapSession session) {
    return List.of("NAMESPACE");
  }

  @Override
  Completion execute(ImapSession session, Request request) {
    request.args().end();
    session.untagged().ascii("NAMESPACE ((\"\" \"/\")) NIL NIL").writeTo(session.out());
    return Completion.ok("NAMESPACE completed");
  }
}
