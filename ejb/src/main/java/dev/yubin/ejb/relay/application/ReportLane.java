package dev.yubin.ejb.relay.application;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Delivery reports (the null sender's mail) in a lane of their own: {@value #THREADS} threads of
 * the relay's, fed by the queue and its periodic scan, never by the JMS relay queue, so a bounce
 * does not wait behind a destination that holds every relay consumer (ADR 8). An id waits at most
 * once; the queue files stay the truth, so a lane lost in a crash costs a scan.
 */
@ApplicationScoped
public class ReportLane {

  /** Reports attempted at once. */
  static final int THREADS = 2;

  @Inject RelayService relay;
  @Resource ManagedThreadFactory threadFactory;

  private final Set<String> waiting = ConcurrentHashMap.newKeySet();
  private ExecutorService executor;

  @PostConstruct
  void start() {
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            THREADS, THREADS, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threadFactory);
    pool.allowCoreThreadTimeOut(true);
    executor = pool;
  }

  @PreDestroy
  void stop() {
    executor.shutdownNow();
  }

  /** Attempts the report {@code id} soon; nothing happens if it is waiting already. */
  public void submit(String id) {
    if (waiting.add(id)) {
      executor.execute(
          () -> {
            waiting.remove(id);
            relay.process(id);
          });
    }
  }
}
