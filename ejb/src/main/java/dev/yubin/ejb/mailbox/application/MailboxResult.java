package dev.yubin.ejb.mailbox.application;

/** The verdict on a change to the mailbox list. */
public enum MailboxResult {
  OK,
  NONEXISTENT,
  ALREADY_EXISTS,
  INVALID_NAME,
  NOT_ALLOWED,
  BAD_SPECIAL_USE
}
