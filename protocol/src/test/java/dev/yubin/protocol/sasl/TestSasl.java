package dev.yubin.protocol.sasl;

import java.security.SecureRandom;
import java.util.List;

/** SASL for the engines' tests: mechanisms whose exchanges a dialogue script can spell out. */
public final class TestSasl {

  /** The iterations of test verifiers: fewer than the application's, for speed. */
  public static final int ITERATIONS = 4096;

  private TestSasl() {}

  /**
   * SCRAM-SHA-256, PLAIN and LOGIN, as {@link SaslMechanism#standard()}, but SCRAM's server nonce
   * is always {@code serverNonce}, so that its messages are known in advance.
   */
  public static List<SaslMechanism> withServerNonce(String serverNonce) {
    return List.of(
        new ScramSha256Mechanism(
            () -> serverNonce, new FakeScramCredentials(new SecureRandom(), ITERATIONS)),
        new PlainMechanism(),
        new LoginMechanism());
  }

  /** The SCRAM-SHA-256 verifier of {@code password} with this salt and {@link #ITERATIONS}. */
  public static ScramCredentials scramCredentials(String password, byte[] salt) {
    return ScramCredentials.fromSaltedPassword(
        salt, ITERATIONS, TestAuthenticator.pbkdf2(password, salt, ITERATIONS));
  }
}
