package dev.yubin.ejb.accounts.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.ejb.accounts.application.Passwords.Verdict;
import dev.yubin.ejb.accounts.domain.PasswordHasher;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PasswordsTest {

  /** A cheap hasher that records every hash it verifies against, and can hold a check. */
  static final class WatchedHasher extends PasswordHasher {
    final List<String> verified = new CopyOnWriteArrayList<>();
    final CountDownLatch entered = new CountDownLatch(1);
    volatile CountDownLatch hold = new CountDownLatch(0);

    WatchedHasher() {
      super(1_000);
    }

    @Override
    public boolean verify(String password, String stored) {
      verified.add(stored);
      entered.countDown();
      try {
        hold.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return super.verify(password, stored);
    }
  }

  private final WatchedHasher hasher = new WatchedHasher();

  @Test
  void theRightPasswordMatchesAndAWrongOneDoesNot() {
    Passwords passwords = new Passwords(hasher, 2, Duration.ofSeconds(5));
    Optional<String> stored = Optional.of(passwords.hash("correct horse"));

    assertThat(passwords.check("correct horse", stored)).isEqualTo(Verdict.MATCH);
    assertThat(passwords.check("correct horsE", stored)).isEqualTo(Verdict.MISMATCH);
  }

  @Test
  void withoutAStoredHashAPasswordIsStillHashedAtTheSameCostAndNeverMatches() {
    Passwords passwords = new Passwords(hasher, 2, Duration.ofSeconds(5));

    assertThat(passwords.check("anything", Optional.empty())).isEqualTo(Verdict.MISMATCH);

    assertThat(hasher.verified)
        .singleElement()
        .satisfies(
            h ->
                assertThat(PasswordHasher.parse(h))
                    .get()
                    .extracting(PasswordHasher.Pbkdf2Hash::iterations)
                    .isEqualTo(1_000));
  }

  @Test
  void checksBeyondTheBoundAreBusyRatherThanQueuedAndTurnsComeBack() throws Exception {
    Passwords passwords = new Passwords(hasher, 1, Duration.ofMillis(50));
    String stored = passwords.hash("pw");
    hasher.hold = new CountDownLatch(1);
    CompletableFuture<Verdict> first =
        CompletableFuture.supplyAsync(() -> passwords.check("pw", Optional.of(stored)));
    assertThat(hasher.entered.await(10, TimeUnit.SECONDS)).as("the first check runs").isTrue();

    assertThat(passwords.check("pw", Optional.of(stored))).isEqualTo(Verdict.BUSY);
    assertThat(hasher.verified).as("the busy check hashed nothing").hasSize(1);

    hasher.hold.countDown();
    assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(Verdict.MATCH);
    assertThat(passwords.check("pw", Optional.of(stored))).isEqualTo(Verdict.MATCH);
  }
}
