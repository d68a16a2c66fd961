package dev.yubin.protocol.imap;

import dev.yubin.protocol.imap.wire.ImapRequest;

/**
 * A command that goes on over further client lines (IDLE until DONE, AUTHENTICATE's responses):
 * while one is set, the session hands it every line instead of parsing a command.
 */
interface Continuation {

  /** The next client line (with any literals). */
  void line(ImapSession session, ImapRequest line);

  /** The client's next line exceeded the limit and was skipped; by default as between commands. */
  default void tooLong(ImapSession session) {
    session.complete("*", ImapSession.LINE_TOO_LONG);
  }

  /** A change was reported while waiting (IDLE reports it at once); by default nothing. */
  default void wake(ImapSession session) {}

  /** The connection is going away. */
  default void abandon(ImapSession session) {}
}
