package dev.yubin.connector;

import java.util.HashMap;
import java.util.Map;

/**
 * Bounds concurrent connections, in total and per client address (like Postfix's
 * smtpd_client_connection_count_limit), so that one client cannot take every slot. Each listener
 * has its own, so that a flood on one port leaves the others their slots.
 */
final class ConnectionLimiter {

  static final int DEFAULT_MAX_TOTAL = 1000;
  static final int DEFAULT_MAX_PER_ADDRESS = 50;

  private final int maxTotal;
  private final int maxPerAddress;
  private final Map<String, Integer> perAddress = new HashMap<>();
  private int total;

  ConnectionLimiter(int maxTotal, int maxPerAddress) {
    if (maxTotal <= 0 || maxPerAddress <= 0) {
      throw new IllegalArgumentException("connection limits must be positive");
    }
    this.maxTotal = maxTotal;
    this.maxPerAddress = maxPerAddress;
  }

  /**
   * The limits of one listener: {@code yubin.<listener>.max-connections} and {@code -per-ip}, else
   * {@code yubin.max-connections} and {@code -per-ip} (the default of every listener), else {@value
   * #DEFAULT_MAX_TOTAL} and {@value #DEFAULT_MAX_PER_ADDRESS}.
   *
   * @param listener the listener's key, e.g. {@code smtp} or {@code pop3s}
   */
  static ConnectionLimiter forListener(String listener) {
    String prefix = "yubin." + listener + ".";
    return new ConnectionLimiter(
        Settings.integer(
            prefix + "max-connections",
            null,
            Settings.integer("yubin.max-connections", null, DEFAULT_MAX_TOTAL)),
        Settings.integer(
            prefix + "max-connections-per-ip",
            null,
            Settings.integer("yubin.max-connections-per-ip", null, DEFAULT_MAX_PER_ADDRESS)));
  }

  /** Takes a slot for a new connection from {@code address}; false when a limit is reached. */
  synchronized boolean tryAcquire(String address) {
    int fromAddress = perAddress.getOrDefault(address, 0);
    if (total >= maxTotal || fromAddress >= maxPerAddress) {
      return false;
    }
    total++;
    perAddress.put(address, fromAddress + 1);
    return true;
  }

  /** Gives back the slot of a connection that ended. */
  synchronized void release(String address) {
    Integer fromAddress = perAddress.get(address);
    if (fromAddress == null) {
      return;
    }
    total--;
    if (fromAddress == 1) {
      perAddress.remove(address);
    } else {
      perAddress.put(address, fromAddress - 1);
    }
  }

  synchronized int total() {
    return total;
  }
}
