package dev.yubin.protocol.smtp;

/** Where a session stands in the SMTP dialogue (RFC 5321 §4.1.4: order of commands). */
enum SmtpState {
  /** Greeting sent; no HELO or EHLO yet. */
  CONNECTED,
  /** HELO or EHLO accepted; no mail transaction. */
  GREETED,
  /** MAIL accepted; no recipient accepted yet. */
  MAIL,
  /** At least one recipient accepted. */
  RCPT,
  /** 334 sent during AUTH: lines are SASL responses (RFC 4954 §4). */
  AUTH,
  /** 354 sent: lines are message content until CRLF.CRLF. */
  DATA,
  /** BDAT accepted: octets are chunk content until its size is reached (RFC 3030 §2). */
  BDAT,
  /** QUIT, an error limit or a timeout closed the session, or the client went away. */
  CLOSED
}
