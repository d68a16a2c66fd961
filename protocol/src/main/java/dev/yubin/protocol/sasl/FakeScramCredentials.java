package dev.yubin.protocol.sasl;

import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Credentials for users that do not exist, so that a SCRAM exchange for them looks like one for a
 * real user up to the final failure and user names cannot be probed (RFC 5802 §9, "Server
 * information leak"). The salt is an HMAC of the user name under a per-process secret, hence the
 * same for every attempt on the same name; the keys are random and match no password.
 */
final class FakeScramCredentials {

  private static final int SALT_LENGTH = 16;

  private final byte[] secret = new byte[32];
  private final int iterations;

  FakeScramCredentials(SecureRandom random, int iterations) {
    random.nextBytes(secret);
    this.iterations = iterations;
  }

  ScramCredentials forUser(String user) {
    byte[] salt = Arrays.copyOf(Crypto.hmac(secret, "salt\0" + user), SALT_LENGTH);
    return new ScramCredentials(
        salt,
        iterations,
        Crypto.hmac(secret, "stored\0" + user),
        Crypto.hmac(secret, "server\0" + user));
  }
}
