package dev.yubin.web.interfaces.webmail;

import dev.yubin.ejb.accounts.application.AccountService;
import dev.yubin.ejb.accounts.application.Authentication;
import dev.yubin.protocol.sasl.AuthFailureLimiter;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Webmail logins: the account's address and password checked by the same {@link AccountService}
 * verdict as SMTP AUTH, POP3 and IMAP, throttled by the same rules ({@link AuthFailureLimiter} with
 * the {@code yubin.auth.*} settings): failures per client network and per network and user.
 */
@ApplicationScoped
public class WebmailLogins {

  /** A login's outcome. */
  public enum Outcome {
    ACCEPTED,
    REJECTED,
    BLOCKED,
    BUSY
  }

  /** The outcome, and the account's address when accepted. */
  public record Login(Outcome outcome, String account) {}

  @Inject AccountService accounts;

  @Inject
  @ConfigProperty(name = "yubin.auth.max-failures-per-network", defaultValue = "20")
  int maxPerNetwork;

  @Inject
  @ConfigProperty(name = "yubin.auth.max-failures-per-user", defaultValue = "5")
  int maxPerUser;

  @Inject
  @ConfigProperty(name = "yubin.auth.failure-window", defaultValue = "900")
  int windowSeconds;

  private AuthFailureLimiter limiter;

  @PostConstruct
  void init() {
    limiter =
        new AuthFailureLimiter(
            maxPerNetwork, maxPerUser, Duration.ofSeconds(windowSeconds), Clock.systemUTC());
  }

  public Login login(String clientAddress, String address, String password) {
    if (address == null || address.isBlank() || password == null || password.isEmpty()) {
      return new Login(Outcome.REJECTED, null);
    }
    String user = address.strip();
    if (limiter.isUserBlocked(clientAddress, user)) {
      return new Login(Outcome.BLOCKED, null);
    }
    Authentication verdict = accounts.authenticate(user, password);
    if (verdict.busy()) {
      return new Login(Outcome.BUSY, null);
    }
    if (verdict.account().isEmpty()) {
      limiter.recordFailure(clientAddress, user);
      return new Login(Outcome.REJECTED, null);
    }
    return new Login(Outcome.ACCEPTED, verdict.account().get().getAddress());
  }
}
