package dev.yubin.connector;

import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/** Runs each task as JCA Work, so that every thread the adapter uses is the container's. */
final class WorkManagerExecutor implements Executor {

  private final WorkManager workManager;

  WorkManagerExecutor(WorkManager workManager) {
    this.workManager = workManager;
  }

  @Override
  public void execute(Runnable task) {
    try {
      workManager.scheduleWork(new RunnableWork(task));
    } catch (WorkException e) {
      throw new RejectedExecutionException("the WorkManager refused work", e);
    }
  }

  private record RunnableWork(Runnable task) implements Work {
    @Override
    public void run() {
      task.run();
    }

    @Override
    public void release() {
      // Long-running tasks end on their own when their pool shuts down.
    }
  }
}
