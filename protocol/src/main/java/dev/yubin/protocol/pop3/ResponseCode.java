package dev.yubin.protocol.pop3;

/**
 * The extended response codes the engine puts in brackets after {@code -ERR}.
 *
 * @see "RFC 2449 §8 (IN-USE), RFC 3206 (SYS/TEMP, AUTH)"
 */
enum ResponseCode {
  /** The maildrop is locked by another session (RFC 2449 §8.1.1). */
  IN_USE("IN-USE", false),
  /** A temporary problem on our side; the client may retry (RFC 3206 §4). */
  SYS_TEMP("SYS/TEMP", false),
  /** The credentials are wrong (RFC 3206 §5). */
  AUTH("AUTH", true);

  private final String token;
  private final boolean clientFault;

  ResponseCode(String token, boolean clientFault) {
    this.token = token;
    this.clientFault = clientFault;
  }

  /** The code as it appears on the wire, without brackets. */
  String token() {
    return token;
  }

  /** Whether the error counts against the client's error budget. */
  boolean clientFault() {
    return clientFault;
  }
}
