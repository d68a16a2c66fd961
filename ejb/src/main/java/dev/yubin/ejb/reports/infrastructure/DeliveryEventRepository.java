package dev.yubin.ejb.reports.infrastructure;

import dev.yubin.ejb.reports.domain.DeliveryEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/** The record of delivery events. */
@ApplicationScoped
@Transactional
public class DeliveryEventRepository {

  @PersistenceContext(unitName = "yubin")
  EntityManager em;

  public void add(DeliveryEvent event) {
    em.persist(event);
  }

  public List<DeliveryEvent> forMessage(String queueId) {
    return em.createQuery(
            "select e from DeliveryEvent e where e.queueId = :id order by e.id",
            DeliveryEvent.class)
        .setParameter("id", queueId)
        .getResultList();
  }
}
