package dev.yubin.ejb.mailbox.application;

/** The result of COPY or MOVE: new UIDs in the target, in the order of the sources. */
public record CopyResult(Status status, long uidValidity, long[] sourceUids, long[] targetUids) {

  public enum Status {
    OK,
    NO_TARGET,
    OVER_QUOTA
  }

  static CopyResult failed(Status status) {
    return new CopyResult(status, 0, new long[0], new long[0]);
  }
}
