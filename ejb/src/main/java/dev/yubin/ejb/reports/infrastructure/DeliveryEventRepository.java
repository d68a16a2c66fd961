package dev.yubin.ejb.reports.infrastructure;

import dev.yubin.ejb.reports.application.DeliveryEvents;
import dev.yubin.ejb.reports.domain.DeliveryEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/** The delivery log in JPA. */
@ApplicationScoped
@Transactional
public class DeliveryEventRepository implements DeliveryEvents {

  @PersistenceContext(unitName = "yubin")
  EntityManager em;

  @Override
  public void add(DeliveryEvent event) {
    em.persist(event);
  }

  @Override
  public List<DeliveryEvent> forMessage(String queueId) {
    return em.createQuery(
            "select e from DeliveryEvent e where e.queueId = :id order by e.id",
            DeliveryEvent.class)
        .setParameter("id", queueId)
        .getResultList();
  }
}
