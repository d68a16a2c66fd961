package dev.yubin.ejb.reports.application;

import dev.yubin.ejb.reports.domain.DeliveryEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The delivery log: what happened to each recipient of a message, attempt by attempt. */
@ApplicationScoped
public class DeliveryLog {

  @Inject DeliveryEvents events;

  /**
   * Records one event.
   *
   * @param status the RFC 3463 enhanced status
   * @param detail the reply or explanation, one line
   */
  public void record(
      String queueId, String recipient, DeliveryEvent.Kind kind, String status, String detail) {
    events.add(new DeliveryEvent(queueId, recipient, kind, status, detail));
  }
}
