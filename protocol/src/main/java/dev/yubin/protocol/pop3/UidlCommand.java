package dev.yubin.protocol.pop3;

import dev.yubin.protocol.Output;
import java.util.Optional;

/**
 * {@code UIDL [msg]}: the unique-id of one message, or of every message not marked deleted.
 *
 * @see "RFC 1939 §7"
 */
final class UidlCommand extends Pop3Command {

  UidlCommand() {
    super("UIDL", TRANSACTION, Optional.of("UIDL"));
  }

  @Override
  void execute(Pop3Session session, String argument, Output out) {
    MessageListing.write(
        session, argument, "UIDL [msg]", "unique-id listing follows", Maildrop.Message::uid, out);
  }
}
