package dev.yubin.protocol.sasl;

import java.util.Objects;

/**
 * A backend's verdict on credentials, and the outcome of a whole SASL exchange.
 *
 * @param outcome accepted, rejected, or not decidable now
 * @param identity the canonical account name when accepted, else null
 */
public record AuthResult(Outcome outcome, String identity) {

  public enum Outcome {
    /** The credentials are good; {@link #identity()} names the account. */
    ACCEPTED,
    /** Bad credentials, unknown user, or an authorization identity that is not allowed. */
    REJECTED,
    /** The credential store cannot answer now; the client should try again later. */
    UNAVAILABLE
  }

  private static final AuthResult REJECTED = new AuthResult(Outcome.REJECTED, null);
  private static final AuthResult UNAVAILABLE = new AuthResult(Outcome.UNAVAILABLE, null);

  public AuthResult {
    Objects.requireNonNull(outcome, "outcome");
    if ((outcome == Outcome.ACCEPTED) != (identity != null)) {
      throw new IllegalArgumentException("an identity comes with ACCEPTED, and only with it");
    }
  }

  public static AuthResult accepted(String identity) {
    return new AuthResult(Outcome.ACCEPTED, Objects.requireNonNull(identity, "identity"));
  }

  public static AuthResult rejected() {
    return REJECTED;
  }

  public static AuthResult unavailable() {
    return UNAVAILABLE;
  }

  public boolean isAccepted() {
    return outcome == Outcome.ACCEPTED;
  }
}
