package dev.yubin.protocol.pop3;

/**
 * The outcome of a login attempt.
 *
 * @param outcome accepted, rejected, or temporarily unavailable
 * @param principal the canonical account name when accepted, else null
 */
public record Pop3Login(Outcome outcome, String principal) {

  public enum Outcome {
    ACCEPTED,
    REJECTED,
    UNAVAILABLE
  }

  public static Pop3Login accepted(String principal) {
    return new Pop3Login(Outcome.ACCEPTED, principal);
  }

  public static Pop3Login rejected() {
    return new Pop3Login(Outcome.REJECTED, null);
  }

  public static Pop3Login unavailable() {
    return new Pop3Login(Outcome.UNAVAILABLE, null);
  }
}
