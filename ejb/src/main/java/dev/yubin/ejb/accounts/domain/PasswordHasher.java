package dev.yubin.ejb.accounts.domain;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2-HMAC-SHA256 (NIST SP 800-132, the JDK's vetted implementation) with a 16-byte random salt
 * and OWASP's recommended 600,000 iterations. Stored in a self-describing form, {@code
 * $pbkdf2-sha256$600000$<salt>$<hash>}, so the cost can rise later without breaking old hashes. Not
 * final only so that tests can watch what is verified.
 */
public class PasswordHasher {

  private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
  private static final String PREFIX = "$pbkdf2-sha256$";
  private static final int DEFAULT_ITERATIONS = 600_000;
  private static final int SALT_BYTES = 16;
  private static final int HASH_BITS = 256;

  private final SecureRandom random = new SecureRandom();
  private final int iterations;

  public PasswordHasher() {
    this(DEFAULT_ITERATIONS);
  }

  /** For tests that need speed; production uses the default cost. */
  public PasswordHasher(int iterations) {
    this.iterations = iterations;
  }

  public String hash(String password) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    return format(salt, derive(password, salt, iterations));
  }

  /**
   * A well-formed hash of this cost with a random salt and key, which no password matches: checking
   * a password against it costs what checking against a real one does.
   */
  public String dummyHash() {
    byte[] salt = new byte[SALT_BYTES];
    byte[] key = new byte[HASH_BITS / 8];
    random.nextBytes(salt);
    random.nextBytes(key);
    return format(salt, key);
  }

  private String format(byte[] salt, byte[] key) {
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    return PREFIX + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(key);
  }

  /** Compares in constant time; a malformed stored hash never matches. */
  public boolean verify(String password, String stored) {
    return parse(stored)
        .map(h -> MessageDigest.isEqual(h.derivedKey(), derive(password, h.salt(), h.iterations())))
        .orElse(false);
  }

  /**
   * The parts of a stored hash. Its derived key is SCRAM-SHA-256's SaltedPassword (RFC 5802 §3: Hi
   * is PBKDF2 with HMAC-SHA-256 and a 32-byte output), so SCRAM works from the same hash.
   */
  public static Optional<Pbkdf2Hash> parse(String stored) {
    if (stored == null || !stored.startsWith(PREFIX)) {
      return Optional.empty();
    }
    String[] parts = stored.substring(PREFIX.length()).split("\\$");
    if (parts.length != 3) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new Pbkdf2Hash(
              Integer.parseInt(parts[0]),
              Base64.getDecoder().decode(parts[1]),
              Base64.getDecoder().decode(parts[2])));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** A parsed PBKDF2-HMAC-SHA256 hash. */
  public record Pbkdf2Hash(int iterations, byte[] salt, byte[] derivedKey) {}

  private static byte[] derive(String password, byte[] salt, int iterations) {
    PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BITS);
    try {
      return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2 is unavailable", e);
    } finally {
      spec.clearPassword();
    }
  }
}
