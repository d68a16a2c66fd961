package dev.yubin.ear.relay;

import dev.yubin.ejb.relay.application.RelayQueue;
import dev.yubin.ejb.relay.application.RelayWork;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;

/**
 * The relay as {@code PayaraServerRelayQueueIT} scripts it, added to a copy of the EAR's ejb module
 * (never to the shipped EAR) and selected over the real relay. Each attempt is logged as {@code
 * scripted relay: attempt N of ID at MILLIS}, so the test reads what happened from the server log:
 *
 * <ul>
 *   <li>{@code flaky-…} fails twice, then succeeds;
 *   <li>{@code poison-…} always fails;
 *   <li>{@code delay-MS-REST} announces {@code delayed-REST} through the EAR's own {@link
 *       RelayQueue} with a delay of MS milliseconds;
 *   <li>everything else succeeds.
 * </ul>
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class ScriptedRelayWork implements RelayWork {

  /** Failures of a {@code flaky-} id before it succeeds. */
  public static final int FLAKY_FAILURES = 2;

  private static final Logger LOG = Logger.getLogger(ScriptedRelayWork.class.getName());

  @Inject RelayQueue relayQueue;

  private final Map<String, List<Long>> attempts = new ConcurrentHashMap<>();

  @Override
  public void process(String queueId) {
    List<Long> mine = attempts.computeIfAbsent(queueId, k -> new CopyOnWriteArrayList<>());
    long now = System.currentTimeMillis();
    mine.add(now);
    LOG.info("scripted relay: attempt " + mine.size() + " of " + queueId + " at " + now);
    if (queueId.startsWith("poison-")) {
      throw new IllegalStateException("scripted relay: poison " + queueId);
    }
    if (queueId.startsWith("flaky-") && mine.size() <= FLAKY_FAILURES) {
      throw new IllegalStateException("scripted relay: flaky " + queueId);
    }
    if (queueId.startsWith("delay-")) {
      String[] parts = queueId.split("-", 3);
      long millis = Long.parseLong(parts[1]);
      String delayed = "delayed-" + parts[2];
      relayQueue.announce(delayed, Duration.ofMillis(millis));
      LOG.info(
          "scripted relay: announced "
              + delayed
              + " with a delay of "
              + millis
              + " ms at "
              + System.currentTimeMillis());
    }
    LOG.info("scripted relay: processed " + queueId);
  }
}
