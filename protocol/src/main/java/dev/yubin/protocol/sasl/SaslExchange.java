package dev.yubin.protocol.sasl;

/**
 * One authentication exchange of a mechanism, from the first client response to the outcome (RFC
 * 4422 §3). Not thread-safe; one per attempt.
 */
public interface SaslExchange {

  /**
   * Takes the next client response and says what follows.
   *
   * @param response the decoded response; null on the first call when the client gave no initial
   *     response (RFC 4422 §3.3), so the mechanism starts with a challenge
   */
  SaslStep step(byte[] response);

  /** The authentication identity the client claimed so far, or null: for failure throttling. */
  String user();
}
