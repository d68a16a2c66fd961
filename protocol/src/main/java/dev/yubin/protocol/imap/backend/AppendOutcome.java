package dev.yubin.protocol.imap.backend;

/**
 * The result of APPEND.
 *
 * @param status OK, or why the message was not stored
 * @param uidValidity the mailbox's UIDVALIDITY, for APPENDUID (RFC 4315)
 * @param uid the new message's UID
 */
public record AppendOutcome(Status status, long uidValidity, long uid) {

  public enum Status {
    OK,
    /** No such mailbox (NO [TRYCREATE]). */
    NO_MAILBOX,
    /** Over quota (NO [OVERQUOTA]). */
    OVER_QUOTA,
    /** Larger than the server accepts (NO [TOOBIG]). */
    TOO_BIG,
    /** Not a message the server can store, e.g. a bare LF or NUL (NO). */
    INVALID
  }

  public static AppendOutcome failed(Status status) {
    return new AppendOutcome(status, 0, 0);
  }
}
