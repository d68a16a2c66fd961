package dev.yubin.protocol.pop3;

import dev.yubin.protocol.Output;
import java.util.Optional;
import java.util.Set;

/**
 * One POP3 command. A command declares its keyword, the states it is valid in and the CAPA tag it
 * stands for; the session checks the state before calling {@link #execute}, and turns a {@link
 * Pop3CommandException} into {@code -ERR}. Implementations are stateless and shared by sessions.
 */
abstract class Pop3Command {

  static final Set<Pop3State> AUTHORIZATION = Set.of(Pop3State.AUTHORIZATION);
  static final Set<Pop3State> TRANSACTION = Set.of(Pop3State.TRANSACTION);
  static final Set<Pop3State> AUTHORIZATION_AND_TRANSACTION =
      Set.of(Pop3State.AUTHORIZATION, Pop3State.TRANSACTION);

  private final String keyword;
  private final Set<Pop3State> validIn;
  private final Optional<String> capability;

  Pop3Command(String keyword, Set<Pop3State> validIn) {
    this(keyword, validIn, Optional.empty());
  }

  /**
   * @param capability the CAPA tag this command stands for (RFC 2449 §6), if any
   */
  Pop3Command(String keyword, Set<Pop3State> validIn, Optional<String> capability) {
    this.keyword = keyword;
    this.validIn = validIn;
    this.capability = capability;
  }

  /** The keyword in upper case, e.g. {@code RETR}. */
  final String keyword() {
    return keyword;
  }

  /** The states in which the command may be given. */
  final Set<Pop3State> validIn() {
    return validIn;
  }

  /** Whether CAPA lists this command's tag in this session now; by default always. */
  boolean offeredIn(Pop3Session session) {
    return true;
  }

  /** The CAPA tag this command stands for in this session now, if any. */
  Optional<String> capability(Pop3Session session) {
    return capability;
  }

  /**
   * Carries out the command and writes the response.
   *
   * @param argument everything after the first space of the command line, or empty
   */
  abstract void execute(Pop3Session session, String argument, Output out);
}
