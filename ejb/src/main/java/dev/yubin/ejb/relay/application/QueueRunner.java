package dev.yubin.ejb.relay.application;

import dev.yubin.ejb.platform.application.Readiness;
import dev.yubin.ejb.relay.domain.QueueEntry;
import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Processes the queue periodically (the seed: mail waits in the queue and is processed at fixed
 * intervals): every 30 seconds, each entry with a due recipient that nobody is working on is
 * announced on the JMS relay queue, whose MDBs attempt it, several at once, so a host that is down
 * does not hold up the others. JMS is the doorbell, the queue files the truth (ADR 7, 8): if the
 * broker refuses an announcement, the entry is attempted on the managed executor instead. Delivery
 * reports (null sender) go to the {@link ReportLane} instead, so that they never wait behind
 * ordinary mail.
 */
@Singleton
@Startup
public class QueueRunner {

  private static final Logger LOG = Logger.getLogger(QueueRunner.class.getName());

  @Inject OutboundQueue queue;
  @Inject RelayService relay;
  @Inject ReportLane reports;
  @Inject RelayQueue doorbell;
  @Inject Readiness readiness;

  @Resource ManagedExecutorService executor;

  @Schedule(hour = "*", minute = "*", second = "*/30", persistent = false)
  void runDue() {
    if (!readiness.isReady()) {
      return;
    }
    try {
      for (QueueEntry entry : queue.due(Instant.now())) {
        kick(entry);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "cannot scan the queue", e);
    }
  }

  /** An entry was queued, or retried by an operator: it is attempted at once. */
  public void ready(@Observes OutboundQueue.Ready ready) {
    kick(ready.entry());
  }

  /** Attempts one entry soon, without waiting for the next scan. */
  private void kick(QueueEntry entry) {
    String id = entry.id();
    if (entry.sender().isEmpty()) {
      reports.submit(id);
      return;
    }
    try {
      doorbell.announce(id);
    } catch (RelayQueueException e) {
      LOG.log(Level.WARNING, "relay queue unavailable; attempting " + id + " directly", e);
      executor.execute(() -> relay.process(id));
    }
  }
}
