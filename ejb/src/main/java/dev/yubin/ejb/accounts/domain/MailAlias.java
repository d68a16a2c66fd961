package dev.yubin.ejb.accounts.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * An address of a local domain that stands for other addresses: accounts, other aliases, or
 * addresses in other domains (Postfix's virtual alias, James's recipient rewrite).
 */
@Entity
@Table(name = "mail_alias")
public class MailAlias {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "alias_seq")
  @SequenceGenerator(name = "alias_seq", sequenceName = "alias_seq", allocationSize = 1)
  private Long id;

  /** The alias's own address, normalized: {@code team@example.test}. */
  @Column(nullable = false, unique = true, length = 320)
  private String address;

  @ManyToOne(optional = false)
  @JoinColumn(name = "domain_id")
  private MailDomain domain;

  /** Normalized addresses, each once. */
  @ElementCollection
  @CollectionTable(name = "mail_alias_target", joinColumns = @JoinColumn(name = "alias_id"))
  @Column(name = "target", nullable = false, length = 320)
  @OrderBy
  private List<String> targets = new ArrayList<>();

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  protected MailAlias() {}

  public MailAlias(String address, MailDomain domain, List<String> targets) {
    this.address = address;
    this.domain = domain;
    this.targets = new ArrayList<>(targets);
    this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
  }

  public Long getId() {
    return id;
  }

  public String getAddress() {
    return address;
  }

  public MailDomain getDomain() {
    return domain;
  }

  public List<String> getTargets() {
    return List.copyOf(targets);
  }

  public void replaceTargets(List<String> targets) {
    this.targets.clear();
    this.targets.addAll(targets);
  }

  public OffsetDateTime getCreatedAt() {
    return createdAt;
  }
}
