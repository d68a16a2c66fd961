package dev.yubin.ejb.platform.infrastructure.store;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Names a message file: time first, so names sort by arrival, then randomness, so two servers or
 * two restarts never collide. Doubles as the queue id and the POP3 unique id (RFC 1939 §7).
 */
public final class ContentKey {

  private static final SecureRandom RANDOM = new SecureRandom();

  private ContentKey() {}

  public static String next() {
    byte[] random = new byte[8];
    RANDOM.nextBytes(random);
    return Long.toString(System.currentTimeMillis(), 36).toUpperCase()
        + HexFormat.of().withUpperCase().formatHex(random);
  }

  /** Whether a file name is a key we made: protects paths from ../ and other surprises. */
  public static boolean isValid(String key) {
    return key.length() <= 40 && key.chars().allMatch(c -> c < 128 && Character.isLetterOrDigit(c));
  }
}
