package dev.yubin.ejb.accounts.infrastructure;

import dev.yubin.ejb.accounts.application.AliasRepository;
import dev.yubin.ejb.accounts.domain.MailAlias;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Aliases in JPA. */
@ApplicationScoped
public class JpaAliasRepository implements AliasRepository {

  @PersistenceContext(unitName = "yubin")
  EntityManager em;

  @Override
  public Optional<MailAlias> find(String address) {
    return em.createQuery("select a from MailAlias a where a.address = :address", MailAlias.class)
        .setParameter("address", address)
        .getResultStream()
        .findFirst();
  }

  /** An alias's targets in one query, without loading the alias; empty when there is none. */
  @Override
  public List<String> targets(String address) {
    return em.createQuery(
            "select t from MailAlias a join a.targets t where a.address = :address", String.class)
        .setParameter("address", address)
        .getResultList();
  }

  /** Whether an alias exists, without loading it. */
  @Override
  public boolean exists(String address) {
    return em.createQuery("select count(a) from MailAlias a where a.address = :address", Long.class)
            .setParameter("address", address)
            .getSingleResult()
        > 0;
  }

  @Override
  public List<MailAlias> all() {
    return em.createQuery("select a from MailAlias a order by a.address", MailAlias.class)
        .getResultList();
  }

  @Override
  public void add(MailAlias alias) {
    em.persist(alias);
  }

  @Override
  public void remove(MailAlias alias) {
    em.remove(em.contains(alias) ? alias : em.merge(alias));
  }
}
