package dev.yubin.connector;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The time a client has left for its current request: one timer per connection, used on its event
 * loop only. Postfix's semantics ({@code smtpd_per_request_deadline} with {@code
 * smtpd_min_data_rate}): the engine's time limit is a deadline for the whole request and the
 * response to it, not a limit per read, so input that completes nothing does not restart it. The
 * clock stops while the engine works. Bulk transfers (message content in, streamed content out)
 * extend it by one second per {@link #MIN_DATA_RATE} bytes, so a large transfer over a slow but
 * steady link completes while a trickle does not.
 */
final class RequestDeadline {

  /** Bytes per second a bulk transfer must keep up: Postfix's {@code smtpd_min_data_rate}. */
  static final long MIN_DATA_RATE = 500;

  private final EventExecutor loop;
  private final Runnable expired;
  private long remainingNanos;
  private ScheduledFuture<?> timer;

  /**
   * @param loop the connection's event loop, where every method is called
   * @param expired what to do when the time is up (on the event loop)
   */
  RequestDeadline(EventExecutor loop, Runnable expired) {
    this.loop = loop;
    this.expired = expired;
  }

  /** A new request: the client has {@code limit} from now on (or from the next start). */
  void renew(Duration limit) {
    boolean running = stop();
    remainingNanos = limit.toNanos();
    if (running) {
      start();
    }
  }

  /** Adds the time {@code bytes} of a bulk transfer take at the minimum data rate. */
  void extendFor(long bytes) {
    boolean running = stop();
    long extra = bytes * TimeUnit.SECONDS.toNanos(1) / MIN_DATA_RATE;
    remainingNanos =
        extra > Long.MAX_VALUE - remainingNanos ? Long.MAX_VALUE : remainingNanos + extra;
    if (running) {
      start();
    }
  }

  /** Starts (or continues) the clock: the client is the one keeping us waiting. */
  void start() {
    stop();
    timer = loop.schedule(this::expire, remainingNanos, TimeUnit.NANOSECONDS);
  }

  /**
   * Stops the clock, keeping the time left.
   *
   * @return whether it was running
   */
  boolean stop() {
    if (timer == null) {
      return false;
    }
    remainingNanos = Math.max(0, timer.getDelay(TimeUnit.NANOSECONDS));
    timer.cancel(false);
    timer = null;
    return true;
  }

  private void expire() {
    timer = null;
    remainingNanos = 0;
    expired.run();
  }
}
