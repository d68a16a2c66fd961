package dev.yubin.protocol.sasl;

import java.util.Objects;

/**
 * What a server stores to verify SCRAM-SHA-256 without knowing the password (RFC 5802 §3, RFC
 * 7677):
 *
 * <pre>
 * SaltedPassword = Hi(password, salt, iterations)     = PBKDF2-HMAC-SHA256, 32 octets
 * StoredKey      = SHA-256(HMAC(SaltedPassword, "Client Key"))
 * ServerKey      = HMAC(SaltedPassword, "Server Key")
 * </pre>
 *
 * <p>A PBKDF2-HMAC-SHA256 password hash with a 32-byte derived key is exactly SaltedPassword, so
 * {@link #fromSaltedPassword} turns a stored hash into these credentials.
 *
 * @param salt the PBKDF2 salt
 * @param iterations the PBKDF2 iteration count
 * @param storedKey SHA-256 of the client key, 32 octets
 * @param serverKey the server key, 32 octets
 * @see "RFC 5802 §3"
 */
public record ScramCredentials(byte[] salt, int iterations, byte[] storedKey, byte[] serverKey) {

  public ScramCredentials {
    salt = Objects.requireNonNull(salt, "salt").clone();
    storedKey = Objects.requireNonNull(storedKey, "storedKey").clone();
    serverKey = Objects.requireNonNull(serverKey, "serverKey").clone();
    if (iterations < 1 || storedKey.length != 32 || serverKey.length != 32) {
      throw new IllegalArgumentException("iterations >= 1 and 32-octet keys are required");
    }
  }

  /** Derives the credentials from SaltedPassword, the 32-octet PBKDF2-HMAC-SHA256 output. */
  public static ScramCredentials fromSaltedPassword(
      byte[] salt, int iterations, byte[] saltedPassword) {
    byte[] clientKey = Crypto.hmac(saltedPassword, "Client Key");
    return new ScramCredentials(
        salt, iterations, Crypto.sha256(clientKey), Crypto.hmac(saltedPassword, "Server Key"));
  }

  @Override
  public byte[] salt() {
    return salt.clone();
  }

  @Override
  public byte[] storedKey() {
    return storedKey.clone();
  }

  @Override
  public byte[] serverKey() {
    return serverKey.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ScramCredentials that
        && iterations == that.iterations
        && java.util.Arrays.equals(salt, that.salt)
        && java.util.Arrays.equals(storedKey, that.storedKey)
        && java.util.Arrays.equals(serverKey, that.serverKey);
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(storedKey);
  }

  /** Keys stay out of logs. */
  @Override
  public String toString() {
    return "ScramCredentials[iterations=" + iterations + "]";
  }
}
