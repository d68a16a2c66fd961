package dev.yubin.ejb.accounts.infrastructure;

import dev.yubin.ejb.accounts.application.AccountRepository;
import dev.yubin.ejb.accounts.domain.Account;
import dev.yubin.ejb.accounts.domain.MailDomain;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Domains and accounts in JPA. */
@ApplicationScoped
public class JpaAccountRepository implements AccountRepository {

  @PersistenceContext(unitName = "yubin")
  EntityManager em;

  @Override
  public Optional<MailDomain> findDomain(String name) {
    return em.createQuery("select d from MailDomain d where d.name = :name", MailDomain.class)
        .setParameter("name", name)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<MailDomain> domains() {
    return em.createQuery("select d from MailDomain d order by d.name", MailDomain.class)
        .getResultList();
  }

  @Override
  public void add(MailDomain domain) {
    em.persist(domain);
  }

  @Override
  public Optional<Account> findAccount(String address) {
    return em.createQuery("select a from Account a where a.address = :address", Account.class)
        .setParameter("address", address)
        .getResultStream()
        .findFirst();
  }

  /** Whether an account exists, without loading it. */
  @Override
  public boolean accountExists(String address) {
    return em.createQuery("select count(a) from Account a where a.address = :address", Long.class)
            .setParameter("address", address)
            .getSingleResult()
        > 0;
  }

  /** Whether a local domain exists, without loading it. */
  @Override
  public boolean domainExists(String name) {
    return em.createQuery("select count(d) from MailDomain d where d.name = :name", Long.class)
            .setParameter("name", name)
            .getSingleResult()
        > 0;
  }

  /** A domain's catch-all target as one scalar query; empty without one or without the domain. */
  @Override
  public Optional<String> catchAll(String domain) {
    return nullableColumn(
        em.createQuery("select d.catchAll from MailDomain d where d.name = :name", String.class)
            .setParameter("name", domain)
            .getResultList());
  }

  /** The alphabetically first local domain, if any. */
  @Override
  public Optional<String> firstDomain() {
    return em.createQuery("select d.name from MailDomain d order by d.name", String.class)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  /** An account's quota in bytes as one scalar query; empty without a limit or an account. */
  @Override
  public Optional<Long> quota(String address) {
    return nullableColumn(
        em.createQuery("select a.quotaBytes from Account a where a.address = :address", Long.class)
            .setParameter("address", address)
            .getResultList());
  }

  /** A nullable column of at most one row: empty for no row and for null. */
  private static <T> Optional<T> nullableColumn(List<T> rows) {
    return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
  }

  @Override
  public List<Account> accounts() {
    return em.createQuery("select a from Account a order by a.address", Account.class)
        .getResultList();
  }

  @Override
  public void add(Account account) {
    em.persist(account);
  }
}
