package dev.yubin.protocol.sasl;

/**
 * What mechanisms ask of the credential store, bound to one session by the engine. Methods may
 * block.
 */
public interface SaslAuthenticator {

  /**
   * Checks a password (PLAIN, LOGIN).
   *
   * @param authorizationId the identity to act as, or null or empty for the user itself; a backend
   *     rejects one it does not allow the user to assume
   * @param user the authentication identity
   * @param password the password as the client sent it
   */
  AuthResult authenticate(String authorizationId, String user, String password);

  /** The SCRAM-SHA-256 verifier of {@code user}, or null if there is no such user. */
  ScramCredentials scramCredentials(String user);
}
