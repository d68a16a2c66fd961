package dev.yubin.protocol.imap.wire;

/**
 * A command that does not parse: the engine answers {@code BAD} (RFC 3501 §7.1.3), optionally with
 * a response code such as {@code TOOBIG} or {@code BADCHARSET}.
 */
public final class ImapSyntaxException extends RuntimeException {

  private final String code;

  public ImapSyntaxException(String message) {
    this(null, message);
  }

  public ImapSyntaxException(String code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  /** The response code without brackets, e.g. {@code TOOBIG}, or null. */
  public String code() {
    return code;
  }
}
