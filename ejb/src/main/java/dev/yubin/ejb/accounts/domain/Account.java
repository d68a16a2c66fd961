package dev.yubin.ejb.accounts.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** A user who receives mail at one address of a local domain and logs in with it. */
@Entity
@Table(name = "account")
public class Account {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "account_seq")
  @SequenceGenerator(name = "account_seq", sequenceName = "account_seq", allocationSize = 1)
  private Long id;

  /** The address, local part as given, domain lower case: {@code alice@example.test}. */
  @Column(nullable = false, unique = true, length = 320)
  private String address;

  @ManyToOne(optional = false)
  @JoinColumn(name = "domain_id")
  private MailDomain domain;

  @Column(name = "password_hash", nullable = false, length = 200)
  private String passwordHash;

  /** The most bytes the account's messages may take; null for no limit. */
  @Column(name = "quota_bytes")
  private Long quotaBytes;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  protected Account() {}

  public Account(String address, MailDomain domain, String passwordHash) {
    this.address = address;
    this.domain = domain;
    this.passwordHash = passwordHash;
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

  public String getPasswordHash() {
    return passwordHash;
  }

  public void changePasswordHash(String passwordHash) {
    this.passwordHash = passwordHash;
  }

  /** The quota in bytes, or null for no limit. */
  public Long getQuotaBytes() {
    return quotaBytes;
  }

  public void changeQuota(Long bytes) {
    this.quotaBytes = bytes;
  }

  public OffsetDateTime getCreatedAt() {
    return createdAt;
  }
}
