package dev.yubin.ejb.accounts.domain;

import dev.yubin.ejb.kernel.DomainName;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.text.Normalizer;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

/**
 * A domain whose mail this server stores (a local domain, RFC 5321 §2.3.5), by its ASCII name
 * (A-labels); people see its Unicode form ({@link DomainName#toUnicode}).
 */
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

  /**
   * The form domain names are stored and compared in: the ASCII form with A-labels (see {@link
   * DomainName}), so that {@code Bücher.example}, {@code bücher.example.} and {@code
   * xn--bcher-kva.example} are one domain. An address literal, or a name that is no valid domain
   * name, is only put in NFC and lower case, without a trailing dot: it matches no local domain.
   */
  public static String normalize(String name) {
    String trimmed = name.trim();
    if (!trimmed.startsWith("[")) {
      Optional<String> ascii = DomainName.toAscii(trimmed);
      if (ascii.isPresent()) {
        return ascii.get();
      }
    }
    String lower = Normalizer.normalize(trimmed, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
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
