package dev.yubin.ejb.kernel;

/**
 * The recipient as the original sender gave it (RFC 3461 §4.2, ORCPT).
 *
 * @param addressType the address type, e.g. {@code rfc822} or {@code utf-8} (RFC 6533)
 * @param address the address, xtext-decoded
 */
public record OriginalRecipient(String addressType, String address) {

  /** {@code type;address}, as the queue keeps it; null for null. */
  public static String format(OriginalRecipient orcpt) {
    return orcpt == null ? null : orcpt.addressType() + ";" + orcpt.address();
  }

  /** The inverse of {@link #format}; null when {@code text} is null or has no type. */
  public static OriginalRecipient parse(String text) {
    int semi = text == null ? -1 : text.indexOf(';');
    return semi <= 0
        ? null
        : new OriginalRecipient(text.substring(0, semi), text.substring(semi + 1));
  }
}
