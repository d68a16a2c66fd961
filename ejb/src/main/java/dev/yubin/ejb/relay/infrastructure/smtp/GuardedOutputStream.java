package dev.yubin.ejb.relay.infrastructure.smtp;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Bounds the time of each write and flush: Java sockets have no write timeout, so a server that
 * stops reading would block the sender forever. When a write overruns, {@code onTimeout} runs
 * (closing the socket, which makes the write fail) and {@link #timedOut()} turns true.
 */
final class GuardedOutputStream extends FilterOutputStream {

  private final ScheduledExecutorService scheduler;
  private final Runnable onTimeout;
  private volatile boolean timedOut;
  private Duration timeout;

  GuardedOutputStream(
      OutputStream out, ScheduledExecutorService scheduler, Duration timeout, Runnable onTimeout) {
    super(out);
    this.scheduler = scheduler;
    this.timeout = timeout;
    this.onTimeout = onTimeout;
  }

  void timeout(Duration each) {
    this.timeout = each;
  }

  boolean timedOut() {
    return timedOut;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    ScheduledFuture<?> alarm = arm();
    try {
      out.write(b, off, len);
    } finally {
      alarm.cancel(false);
    }
  }

  @Override
  public void flush() throws IOException {
    ScheduledFuture<?> alarm = arm();
    try {
      out.flush();
    } finally {
      alarm.cancel(false);
    }
  }

  private ScheduledFuture<?> arm() {
    return scheduler.schedule(
        () -> {
          timedOut = true;
          onTimeout.run();
        },
        timeout.toNanos(),
        TimeUnit.NANOSECONDS);
  }
}
