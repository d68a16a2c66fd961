package dev.yubin.ejb.accounts.application;

import dev.yubin.ejb.accounts.domain.PasswordHasher;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Hashes and checks passwords. A check costs the same whether or not there is an account: without a
 * stored hash the password is checked against a dummy one of the same cost, so the time of a failed
 * login does not tell which user names exist. At most {@code yubin.auth.concurrent-hashes} checks
 * run at once (default: one per processor), since each takes a core for a few hundred milliseconds;
 * a check that finds no turn within {@link #WAIT} is answered {@link Verdict#BUSY} (the login fails
 * for now) rather than queueing without end.
 */
@ApplicationScoped
public class Passwords {

  /** How long a check waits for a turn. */
  public static final Duration WAIT = Duration.ofSeconds(2);

  /** The outcome of a check. */
  public enum Verdict {
    MATCH,
    MISMATCH,
    /** Every turn was taken for {@link #WAIT}: no answer now, nothing was checked. */
    BUSY
  }

  @Inject
  @ConfigProperty(name = "yubin.auth.concurrent-hashes")
  Optional<Integer> concurrentSetting;

  private PasswordHasher hasher;
  private Semaphore turns;
  private Duration wait;
  private String dummy;

  /** For CDI; configured by {@link #start()}. */
  protected Passwords() {}

  /**
   * @param hasher the hash function and its cost
   * @param concurrent checks at once
   * @param wait how long a check waits for a turn
   */
  public Passwords(PasswordHasher hasher, int concurrent, Duration wait) {
    configure(hasher, concurrent, wait);
  }

  @PostConstruct
  void start() {
    int concurrent =
        concurrentSetting.filter(n -> n > 0).orElse(Runtime.getRuntime().availableProcessors());
    configure(new PasswordHasher(), concurrent, WAIT);
  }

  private void configure(PasswordHasher hasher, int concurrent, Duration wait) {
    if (concurrent < 1) {
      throw new IllegalArgumentException("at least one concurrent check");
    }
    this.hasher = hasher;
    this.turns = new Semaphore(concurrent, true);
    this.wait = wait;
    this.dummy = hasher.dummyHash();
  }

  /** A new salted hash of {@code password}, to store. */
  public String hash(String password) {
    return hasher.hash(password);
  }

  /**
   * Checks {@code password} against the stored hash, or when there is none (no such account)
   * against a dummy hash of the same cost, which never matches.
   */
  public Verdict check(String password, Optional<String> storedHash) {
    try {
      if (!turns.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
        return Verdict.BUSY;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Verdict.BUSY;
    }
    try {
      boolean match = hasher.verify(password, storedHash.orElse(dummy));
      return match && storedHash.isPresent() ? Verdict.MATCH : Verdict.MISMATCH;
    } finally {
      turns.release();
    }
  }
}
