package dev.yubin.ejb.mailbox.domain;

/** The system flags a message carries (RFC 3501 §2.3.2; \Recent is per session, not stored). */
public enum SystemFlag {
  SEEN,
  ANSWERED,
  FLAGGED,
  DELETED,
  DRAFT
}
