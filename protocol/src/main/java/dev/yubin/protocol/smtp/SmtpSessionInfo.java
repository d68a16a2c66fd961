package dev.yubin.protocol.smtp;

import dev.yubin.protocol.ConnectionInfo;

/**
 * What the backend may know about the SMTP session that asks.
 *
 * @param connection the client's and our endpoints
 * @param heloName the name the client gave in EHLO or HELO, or null before it
 * @param extended whether the client greeted with EHLO (ESMTP) rather than HELO
 * @param authenticatedUser the SASL identity, or null
 */
public record SmtpSessionInfo(
    ConnectionInfo connection, String heloName, boolean extended, String authenticatedUser) {

  /** The protocol name for the Received header's {@code with} clause (RFC 3848). */
  public String protocolName() {
    String base = extended ? "ESMTP" : "SMTP";
    if (!extended) {
      return base;
    }
    return base + (connection.secure() ? "S" : "") + (authenticatedUser != null ? "A" : "");
  }
}
