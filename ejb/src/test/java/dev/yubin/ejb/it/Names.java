package dev.yubin.ejb.it;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Fresh names for each test, so tests share nothing through the database or the store and can run
 * in any order.
 */
final class Names {

  private Names() {}

  /** A domain no other test uses, e.g. {@code it-3fa85f64.test}. */
  static String domain() {
    byte[] random = new byte[4];
    ThreadLocalRandom.current().nextBytes(random);
    return "it-" + HexFormat.of().formatHex(random) + ".test";
  }
}
