package dev.yubin.ejb.mailbox.application;

/** The result of storing a message into a mailbox. */
public record AppendResult(Status status, long uidValidity, long uid) {

  public enum Status {
    OK,
    NO_MAILBOX,
    OVER_QUOTA,
    INVALID
  }

  static AppendResult failed(Status status) {
    return new AppendResult(status, 0, 0);
  }
}
