package dev.yubin.ejb.platform.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Whether start-up has finished. The adapter's listeners and the broker's consumers may call in
 * before it has (the container activates message endpoints before it initializes start-up
 * singletons): such a call waits until the schema is migrated and the store recovered, because a
 * message delivered while recovery scans the store would be indexed twice or lose its file.
 */
@ApplicationScoped
public class Readiness {

  /** How long a call waits for start-up before it fails as a temporary error. */
  static final Duration PATIENCE = Duration.ofMinutes(2);

  private final CountDownLatch started = new CountDownLatch(1);

  /** Start-up has finished: every waiting and later call proceeds. */
  public void ready() {
    started.countDown();
  }

  public boolean isReady() {
    return started.getCount() == 0;
  }

  /**
   * Returns once start-up has finished.
   *
   * @throws NotReadyException when it has not within {@code patience}
   */
  public void await(Duration patience) {
    try {
      if (!started.await(patience.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new NotReadyException();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NotReadyException();
    }
  }

  public void await() {
    await(PATIENCE);
  }

  /** Start-up has not finished; the caller answers with a temporary error. */
  public static final class NotReadyException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    NotReadyException() {
      super("Yubin is still starting");
    }
  }
}
