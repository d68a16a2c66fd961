package dev.yubin.connector;

import java.util.HashMap;
import java.util.Map;

/**
 * Bounds concurrent connections, in total and per client address (like Postfix's
 * smtpd_client_connection_count_limit), so that one client cannot take every slot.
 */
final class ConnectionLimiter {

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
