package dev.yubin.ejb.relay.infrastructure.smtp;

import java.io.IOException;

/** The server broke the protocol: a malformed, overlong or unexpected reply. */
final class SmtpProtocolException extends IOException {

  private static final long serialVersionUID = 1L;

  SmtpProtocolException(String message) {
    super(message);
  }
}
