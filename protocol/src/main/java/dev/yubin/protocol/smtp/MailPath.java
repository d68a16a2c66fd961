package dev.yubin.protocol.smtp;

/**
 * The argument of MAIL FROM: or RCPT TO: once parsed: the path and what follows it.
 *
 * @param address the mailbox without angle brackets and without source route, {@code ""} for the
 *     null reverse-path, {@code postmaster} for RCPT TO:&lt;postmaster&gt;
 * @param parameters the ESMTP parameters after the path, stripped; empty if none
 */
record MailPath(String address, String parameters) {

  /** Whether the mailbox's domain is an address literal ({@code user@[192.0.2.1]}). */
  boolean hasAddressLiteral() {
    return address.endsWith("]") && address.lastIndexOf("@[") > 0;
  }
}
