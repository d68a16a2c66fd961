package dev.yubin.ejb.relay.application;

import dev.yubin.ejb.relay.domain.NextHop;
import dev.yubin.ejb.relay.domain.QueueEntry;
import dev.yubin.ejb.relay.domain.QueuedRecipient;
import dev.yubin.ejb.relay.domain.RecipientOutcome;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Port: hands a queued message to one next hop of its recipients' destination domain (the SMTP
 * client behind it). Never throws for network or protocol trouble: it is an outcome.
 */
public interface Transport {

  /**
   * What one hop did with the message.
   *
   * @param recipients one outcome per recipient address, in the envelope's order
   * @param tryNextHost whether the deferred recipients should be tried at the next hop now (RFC
   *     5321 §5.1): the session failed, rather than the server answering 4xx for them
   */
  record HopResult(Map<String, RecipientOutcome> recipients, boolean tryNextHost) {}

  /**
   * @param hop where to connect
   * @param domain the recipients' domain (its TLS policy applies)
   * @param entry the queued message, whose envelope and content go
   * @param recipients those of its recipients to send to this hop
   * @param deadline no step of the session waits past it
   */
  HopResult deliver(
      NextHop hop,
      String domain,
      QueueEntry entry,
      List<QueuedRecipient> recipients,
      Instant deadline);
}
