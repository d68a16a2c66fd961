package dev.yubin.ejb.it.relayqueue;

import dev.yubin.ejb.relay.application.RelayWork;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The relay as these tests see it: records every attempt; ids starting with {@code flaky-} fail
 * twice, ids starting with {@code poison-} always fail.
 */
@ApplicationScoped
@Alternative
@Priority(1) // selected over the real relay (RelayService) where its deployment adds it
public class RecordingRelayWork implements RelayWork {

  public static final int FLAKY_FAILURES = 2;

  private final Map<String, List<Instant>> attempts = new ConcurrentHashMap<>();
  private final List<String> processed = new CopyOnWriteArrayList<>();

  @Override
  public void process(String queueId) {
    List<Instant> mine = attempts.computeIfAbsent(queueId, k -> new CopyOnWriteArrayList<>());
    mine.add(Instant.now());
    if (queueId.startsWith("poison-")) {
      throw new IllegalStateException("poison " + queueId);
    }
    if (queueId.startsWith("flaky-") && mine.size() <= FLAKY_FAILURES) {
      throw new IllegalStateException("flaky " + queueId + ", attempt " + mine.size());
    }
    processed.add(queueId);
  }

  public List<Instant> attempts(String queueId) {
    return new ArrayList<>(attempts.getOrDefault(queueId, List.of()));
  }

  public List<String> processed() {
    return new ArrayList<>(processed);
  }
}
