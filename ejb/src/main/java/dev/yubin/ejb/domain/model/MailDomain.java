package dev.yubin.ejb.domain.model;

import dev.yubin.protocol.CanonicalAddress;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** A domain whose mail this server stores (a local domain, RFC 5321 §2.3.5). */
@Entity
@Table(name = "mail_domain")
public class MailDomain {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "domain_seq")
  @SequenceGenerator(name = "domain_seq", sequenceName = "domain_seq", allocationSize = 1)
  private Long id;

  @Column(nullable = false, unique = true, length = 253)
  private String name;

  /** Where mail for unknown local parts goes ({@code @example.test → admin@example.test}). */
  @Column(name = "catch_all", length = 320)
  private String catchAll;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  protected MailDomain() {}

  public MailDomain(String name) {
    this.name = normalize(name);
    this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
  }

  /** Domain names compare case-insensitively and without a trailing dot. */
  public static String normalize(String name) {
    return CanonicalAddress.domain(name.trim());
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  /** The catch-all target, or null when unknown local parts are refused. */
  public String getCatchAll() {
    return catchAll;
  }

  public void changeCatchAll(String target) {
    this.catchAll = target;
  }

  public OffsetDateTime getCreatedAt() {
    return createdAt;
  }
}
