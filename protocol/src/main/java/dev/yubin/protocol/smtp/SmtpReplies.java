package dev.yubin.protocol.smtp;

import dev.yubin.protocol.Reply;

/** The engine's own replies, with their RFC 3463 enhanced status codes. */
final class SmtpReplies {

  static final Reply OK = Reply.of(250, "2.0.0", "Ok");
  static final Reply BYE = Reply.of(221, "2.0.0", "Bye");
  static final Reply UNKNOWN_COMMAND = Reply.of(500, "5.5.2", "Error: command not recognized");
  static final Reply LINE_TOO_LONG = Reply.of(500, "5.5.2", "Error: line too long");
  static final Reply BAD_CHARACTERS =
      Reply.of(500, "5.5.2", "Error: command contains NUL, CR or 8-bit characters");
  static final Reply BAD_HELO_NAME = Reply.of(501, "5.5.2", "Helo command rejected: Invalid name");
  static final Reply BAD_SENDER = Reply.of(501, "5.1.7", "Bad sender address syntax");
  static final Reply BAD_RECIPIENT = Reply.of(501, "5.1.3", "Bad recipient address syntax");
  static final Reply BAD_PARAMETERS = Reply.of(501, "5.5.4", "Bad parameter syntax");
  static final Reply TEMPORARY_FAILURE =
      Reply.of(451, "4.3.0", "Error: temporary failure, please try again later");
  static final Reply TOO_MANY_RECIPIENTS = Reply.of(452, "4.5.3", "Error: too many recipients");
  static final Reply DATA_AFTER_BDAT =
      Reply.of(503, "5.5.1", "Error: DATA not allowed after BDAT in the same transaction");
  static final Reply NO_VALID_RECIPIENTS = Reply.of(554, "5.5.1", "Error: no valid recipients");
  static final Reply MESSAGE_TOO_BIG =
      Reply.of(552, "5.3.4", "Message size exceeds fixed maximum message size");
  static final Reply BARE_LINE_ENDING = Reply.of(550, "5.5.2", "Bare <LF> or <CR> received");

  // STARTTLS (RFC 3207 §4)
  static final Reply READY_FOR_TLS = Reply.of(220, "2.0.0", "Ready to start TLS");
  static final Reply TLS_ALREADY_ACTIVE = Reply.of(503, "5.5.1", "Error: TLS already active");
  static final Reply NOT_IMPLEMENTED = Reply.of(502, "5.5.1", "Error: command not implemented");

  // AUTH (RFC 4954 §4 and §6)
  static final Reply AUTH_SUCCEEDED = Reply.of(235, "2.7.0", "Authentication successful");
  static final Reply AUTH_FAILED = Reply.of(535, "5.7.8", "Authentication credentials invalid");
  static final Reply AUTH_UNAVAILABLE = Reply.of(454, "4.7.0", "Temporary authentication failure");
  static final Reply AUTH_THROTTLED =
      Reply.of(454, "4.7.0", "Too many authentication failures, try again later");
  static final Reply AUTH_CANCELLED = Reply.of(501, "5.0.0", "Authentication cancelled");
  static final Reply AUTH_BAD_BASE64 = Reply.of(501, "5.5.2", "Cannot decode response");
  static final Reply AUTH_LINE_TOO_LONG =
      Reply.of(500, "5.5.6", "Authentication exchange line is too long");
  static final Reply AUTH_UNKNOWN_MECHANISM =
      Reply.of(504, "5.5.4", "Unrecognized authentication type");
  static final Reply AUTH_NEEDS_TLS =
      Reply.of(538, "5.7.11", "Encryption required for requested authentication mechanism");
  static final Reply AUTH_NOT_ENABLED = Reply.of(503, "5.5.1", "Error: authentication not enabled");
  static final Reply AUTH_REQUIRED = Reply.of(530, "5.7.0", "Authentication required");

  /** A DSN parameter where DSN is not offered (Postfix's words, for its discarded keyword). */
  static final Reply DSN_DISABLED = Reply.of(501, "5.7.1", "DSN support is disabled");

  /** RFC 6531 §3.7.4.1: a non-ASCII address in a transaction without SMTPUTF8. */
  static final Reply NEEDS_SMTPUTF8 = Reply.of(553, "5.6.7", "Non-ASCII address requires SMTPUTF8");

  /** RFC 5321 §3.5.3: we neither confirm nor deny a mailbox, but accept mail for it. */
  static final Reply CANNOT_VERIFY =
      Reply.of(252, "2.5.0", "Cannot VRFY user, but will accept message and attempt delivery");

  /** RFC 5321 §7.3: EXPN discloses list members, so it is turned off. */
  static final Reply EXPN_DISABLED = Reply.of(502, "5.5.1", "EXPN command is disabled");

  private SmtpReplies() {}

  /** 501 5.5.4 for a command whose arguments do not fit its syntax (RFC 5321 §4.2.2). */
  static Reply syntax(String usage) {
    return Reply.of(501, "5.5.4", "Syntax: " + usage);
  }

  /** 503 5.5.1 for a command out of sequence (RFC 5321 §4.1.4). */
  static Reply badSequence(String text) {
    return Reply.of(503, "5.5.1", text);
  }

  /** 555 5.5.4 for a MAIL or RCPT parameter we do not support (RFC 5321 §4.1.1.11). */
  static Reply unsupportedOption(String keyword) {
    return Reply.of(555, "5.5.4", "Unsupported option: " + keyword);
  }

  static Reply timeout(String hostname) {
    return Reply.of(421, "4.4.2", hostname + " Error: timeout exceeded");
  }

  /** After a BDAT whose size does not parse, the next command cannot be found (RFC 3030 §2). */
  static Reply cannotResynchronise(String hostname) {
    return Reply.of(
        421, "4.5.0", hostname + " Error: lost track of BDAT chunk, closing connection");
  }

  static Reply tooManyErrors(String hostname) {
    return Reply.of(421, "4.7.0", hostname + " Error: too many errors");
  }
}
