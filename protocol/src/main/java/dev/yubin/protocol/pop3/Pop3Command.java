package dev.yubin.protocol.pop3;

import dev.yubin.protocol.Output;
import java.util.Optional;
import java.util.Set;

/**
 * One POP3 command. Implementations are stateless and shared by all sessions; the session checks
 * {@link #validIn()} before calling {@link #execute}, and turns a {@link Pop3CommandException} into
 * {@code -ERR}.
 */
interface Pop3Command {

  /** The keyword in upper case, e.g. {@code RETR}. */
  String keyword();

  /** The states in which the command may be given. */
  Set<Pop3State> validIn();

  /** The CAPA tag this command stands for (RFC 2449 §6), if any. */
  default Optional<String> capability() {
    return Optional.empty();
  }

  /**
   * Carries out the command and writes the response.
   *
   * @param argument everything after the first space of the command line, or empty
   */
  void execute(Pop3Session session, String argument, Output out);
}
