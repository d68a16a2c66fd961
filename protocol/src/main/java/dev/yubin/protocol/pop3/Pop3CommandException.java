package dev.yubin.protocol.pop3;

/**
 * A command's negative response: the session writes it as {@code -ERR [code] text}. Commands throw
 * it before writing anything, so a failed command leaves no partial reply.
 */
final class Pop3CommandException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient ResponseCode code;
  private final boolean clientFault;

  /** A client error without response code, e.g. a syntax error. */
  Pop3CommandException(String text) {
    this(null, text, true);
  }

  /** An error with a response code, which decides whether the client is at fault. */
  Pop3CommandException(ResponseCode code, String text) {
    this(code, text, code.clientFault());
  }

  private Pop3CommandException(ResponseCode code, String text, boolean clientFault) {
    super(text, null, false, false);
    this.code = code;
    this.clientFault = clientFault;
  }

  /**
   * A login refused because the client network or user has used up its failures: temporary
   * (SYS/TEMP), yet it counts against the client's error budget, so a guesser is cut off.
   */
  static Pop3CommandException throttled(String text) {
    return new Pop3CommandException(ResponseCode.SYS_TEMP, text, true);
  }

  /** An error without response code that is not the client's doing. */
  static Pop3CommandException notClientFault(String text) {
    return new Pop3CommandException(null, text, false);
  }

  /** The extended response code, or null for none. */
  ResponseCode code() {
    return code;
  }

  /** Whether the error counts against the client's error budget. */
  boolean clientFault() {
    return clientFault;
  }
}
