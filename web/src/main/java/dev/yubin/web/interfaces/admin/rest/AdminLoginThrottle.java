package dev.yubin.web.interfaces.admin.rest;

import dev.yubin.protocol.sasl.AuthFailureLimiter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;

/**
 * Failed admin logins per client network (an IPv4 address, an IPv6 /64): after {@value
 * #MAX_FAILURES} within {@link #WINDOW} the address is refused without its password being checked,
 * until the oldest failure is older than the window (SMTP AUTH and POP3 use the same limiter).
 */
@ApplicationScoped
public class AdminLoginThrottle {

  static final int MAX_FAILURES = 5;
  static final Duration WINDOW = Duration.ofMinutes(15);

  private final AuthFailureLimiter limiter =
      new AuthFailureLimiter(MAX_FAILURES, MAX_FAILURES, WINDOW, Clock.systemUTC());

  public boolean isBlocked(String clientAddress) {
    return limiter.isNetworkBlocked(clientAddress);
  }

  public void failed(String clientAddress) {
    limiter.recordFailure(clientAddress, null);
  }
}
