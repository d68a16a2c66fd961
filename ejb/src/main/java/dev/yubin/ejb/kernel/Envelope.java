package dev.yubin.ejb.kernel;

import java.util.List;

/**
 * Who a message is from and for, whatever brought it (RFC 5321 §2.3.1), with the DSN parameters
 * that travel with it (RFC 3461).
 *
 * @param reversePath the sender; empty for the null reverse-path
 * @param rcptTo the recipients in the order given
 * @param envelopeId ENVID, or null
 * @param ret RET, or null
 * @param smtpUtf8 whether the sender declared SMTPUTF8 (RFC 6531)
 */
public record Envelope(
    String reversePath,
    List<EnvelopeRecipient> rcptTo,
    String envelopeId,
    Ret ret,
    boolean smtpUtf8) {

  public Envelope {
    rcptTo = List.copyOf(rcptTo);
  }

  /** An envelope without DSN parameters. */
  public static Envelope of(String reversePath, List<String> recipients) {
    return new Envelope(
        reversePath, recipients.stream().map(EnvelopeRecipient::of).toList(), null, null, false);
  }

  /** The recipients' addresses, in order. */
  public List<String> recipients() {
    return rcptTo.stream().map(EnvelopeRecipient::address).toList();
  }
}
