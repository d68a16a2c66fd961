package dev.yubin.protocol.smtp;

/**
 * The DSN parameters of MAIL (RFC 3461 §4.3 and §4.4), for the relay that may one day send DSNs.
 *
 * @param ret FULL or HDRS, or null when RET was not given
 * @param envelopeId ENVID, xtext-decoded, or null when not given
 */
public record DsnRequest(DsnReturn ret, String envelopeId) {

  /** MAIL without RET or ENVID. */
  public static final DsnRequest NONE = new DsnRequest(null, null);
}
