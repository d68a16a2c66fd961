package dev.yubin.protocol.imap.backend;

/** The result of a command that changes the mailbox list. */
public enum MailboxOutcome {
  OK,
  /** The mailbox does not exist (NO [NONEXISTENT]). */
  NONEXISTENT,
  /** The target name exists already (NO [ALREADYEXISTS]). */
  ALREADY_EXISTS,
  /** The name is not acceptable: bad characters, too long, or a reserved name (NO [CANNOT]). */
  INVALID_NAME,
  /** Not allowed for this mailbox, e.g. DELETE of INBOX or of a name with children. */
  NOT_ALLOWED,
  /** A special-use attribute the server does not support (NO [USEATTR]). */
  BAD_SPECIAL_USE,
  /** Too many mailboxes for the account (NO [LIMIT]). */
  LIMIT
}
