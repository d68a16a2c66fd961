package dev.yubin.protocol.imap;

import dev.yubin.protocol.imap.wire.ArgumentReader;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One IMAP command. It declares its name, the states it is valid in and how the session may report
 * other sessions' changes around it; the session checks the state, turns a syntax error into BAD
 * and writes the tagged completion. Implementations are stateless and shared.
 */
abstract class ImapCommand {

  static final Set<ImapState> ANY =
      EnumSet.of(ImapState.NOT_AUTHENTICATED, ImapState.AUTHENTICATED, ImapState.SELECTED);
  static final Set<ImapState> NOT_AUTHENTICATED = EnumSet.of(ImapState.NOT_AUTHENTICATED);
  static final Set<ImapState> AUTHENTICATED =
      EnumSet.of(ImapState.AUTHENTICATED, ImapState.SELECTED);
  static final Set<ImapState> SELECTED = EnumSet.of(ImapState.SELECTED);

  /**
   * What the session may send about other sessions' changes after the command (RFC 3501 §7.4.1):
   * everything, everything but EXPUNGE (FETCH, STORE and SEARCH by message number, whose numbers
   * must stay valid), or nothing.
   */
  enum Updates {
    ALL,
    NO_EXPUNGE,
    NONE
  }

  /**
   * The parsed start of a command.
   *
   * @param uid whether it came as {@code UID <name>}
   * @param args positioned after the command name
   */
  record Request(String tag, String name, boolean uid, ArgumentReader args) {}

  private final String name;
  private final Set<ImapState> validIn;

  ImapCommand(String name, Set<ImapState> validIn) {
    this.name = name;
    this.validIn = validIn;
  }

  final String name() {
    return name;
  }

  final Set<ImapState> validIn() {
    return validIn;
  }

  /** Whether {@code UID <name>} exists (RFC 3501 §6.4.8, RFC 4315, RFC 6851). */
  boolean hasUidForm() {
    return false;
  }

  /** Which updates may follow; by default all. */
  Updates updates(Request request) {
    return Updates.ALL;
  }

  /** The capability atoms the command stands for in this session now. */
  List<String> capabilities(ImapSession session) {
    return List.of();
  }

  abstract Completion execute(ImapSession session, Request request);
}
