package dev.yubin.connector;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A fixed number of long-running workers, each a unit of Work, taking tasks from one queue. Engines
 * and their blocking backend calls run here, never on the network threads.
 */
final class WorkerPool implements Executor {

  private static final Logger LOG = Logger.getLogger(WorkerPool.class.getName());
  private static final Runnable STOP = () -> {};

  private final BlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
  private final int size;
  private volatile boolean stopped;

  WorkerPool(int size, Executor threads) {
    this.size = size;
    for (int i = 0; i < size; i++) {
      threads.execute(this::work);
    }
  }

  @Override
  public void execute(Runnable task) {
    if (stopped) {
      throw new RejectedExecutionException("worker pool stopped");
    }
    queue.add(task);
  }

  private void work() {
    try {
      for (Runnable task = queue.take(); task != STOP; task = queue.take()) {
        try {
          task.run();
        } catch (RuntimeException | Error e) {
          LOG.log(Level.SEVERE, "session task failed", e);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Lets queued tasks finish, then ends the workers. */
  void stop() {
    stopped = true;
    for (int i = 0; i < size; i++) {
      queue.add(STOP);
    }
  }
}
