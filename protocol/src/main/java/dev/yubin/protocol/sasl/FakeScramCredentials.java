package dev.yubin.protocol.sasl;

import dev.yubin.protocol.CanonicalAddress;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Credentials for users that do not exist, so that a SCRAM exchange for them looks like one for a
 * real user up to the final failure and user names cannot be probed (RFC 5802 §9, "Server
 * information leak"). The salt is an HMAC of the user's canonical name ({@link
 * CanonicalAddress#key}) under a per-process secret, hence the same for every attempt on the same
 * user in any spelling, as a real user's is; the keys are random and match no password. The work
 * matches a real user's: three HMACs here against two HMACs and a hash from the stored key.
 */
final class FakeScramCredentials {

  private static final int SALT_LENGTH = 16;

  private final byte[] secret = new byte[32];
  private final int iterations;

  FakeScramCredentials(SecureRandom random, int iterations) {
    random.nextBytes(secret);
    this.iterations = iterations;
  }

  ScramCredentials forUser(String name) {
    String user = CanonicalAddress.key(name);
    byte[] salt = Arrays.copyOf(Crypto.hmac(secret, "salt\0" + user), SALT_LENGTH);
    return new ScramCredentials(
        salt,
        iterations,
        Crypto.hmac(secret, "stored\0" + user),
        Crypto.hmac(secret, "server\0" + user));
  }
}
