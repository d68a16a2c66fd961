package dev.yubin.ejb.reports.application;

import dev.yubin.ejb.reports.domain.DeliveryEvent;
import java.util.List;

/** Where the delivery log is kept (a port: JPA in production). */
public interface DeliveryEvents {

  void add(DeliveryEvent event);

  List<DeliveryEvent> forMessage(String queueId);
}
