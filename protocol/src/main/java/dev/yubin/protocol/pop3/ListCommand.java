package dev.yubin.protocol.pop3;

import dev.yubin.protocol.Output;

/**
 * {@code LIST [msg]}: the size of one message, or of every message not marked deleted.
 *
 * @see "RFC 1939 §5"
 */
final class ListCommand extends Pop3Command {

  ListCommand() {
    super("LIST", TRANSACTION);
  }

  @Override
  void execute(Pop3Session session, String argument, Output out) {
    MessageListing.write(
        session,
        argument,
        "LIST [msg]",
        session.maildrop().summary(),
        m -> String.valueOf(m.size()),
        out);
  }
}
