package dev.yubin.protocol.imap.backend;

/**
 * The result of COPY or MOVE.
 *
 * @param status OK, or why nothing was copied
 * @param uidValidity the target's UIDVALIDITY
 * @param sourceUids the UIDs copied, ascending
 * @param targetUids their new UIDs, in the same order (RFC 4315 COPYUID)
 */
public record CopyOutcome(Status status, long uidValidity, long[] sourceUids, long[] targetUids) {

  public enum Status {
    OK,
    /** The target mailbox does not exist (NO [TRYCREATE]). */
    NO_TARGET,
    /** The target is over quota (NO [OVERQUOTA]). */
    OVER_QUOTA
  }

  public static CopyOutcome failed(Status status) {
    return new CopyOutcome(status, 0, new long[0], new long[0]);
  }
}
