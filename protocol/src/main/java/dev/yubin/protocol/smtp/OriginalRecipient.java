package dev.yubin.protocol.smtp;

/**
 * RCPT's ORCPT parameter: the recipient as the original sender gave it.
 *
 * @param addressType the address type, e.g. {@code rfc822} or {@code utf-8} (RFC 6533)
 * @param address the address, xtext-decoded
 * @see "RFC 3461 §4.2"
 */
public record OriginalRecipient(String addressType, String address) {}
