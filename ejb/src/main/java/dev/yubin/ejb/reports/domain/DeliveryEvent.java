package dev.yubin.ejb.reports.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** What happened to one recipient of a queued message at one attempt. */
@Entity
@Table(name = "delivery_event")
public class DeliveryEvent {

  /** The kinds of event. */
  public enum Kind {
    DELIVERED,
    DEFERRED,
    BOUNCED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "delivery_event_seq")
  @SequenceGenerator(
      name = "delivery_event_seq",
      sequenceName = "delivery_event_seq",
      allocationSize = 1)
  private Long id;

  @Column(name = "queue_id", nullable = false, length = 100)
  private String queueId;

  @Column(nullable = false, length = 320)
  private String recipient;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private Kind kind;

  @Column(length = 20)
  private String status;

  @Column(length = 1000)
  private String detail;

  @Column(name = "occurred_at", nullable = false)
  private OffsetDateTime occurredAt;

  protected DeliveryEvent() {}

  public DeliveryEvent(String queueId, String recipient, Kind kind, String status, String detail) {
    this.queueId = queueId;
    this.recipient = recipient;
    this.kind = kind;
    this.status = status;
    this.detail = detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000);
    this.occurredAt = OffsetDateTime.now(ZoneOffset.UTC);
  }

  public String getQueueId() {
    return queueId;
  }

  public String getRecipient() {
    return recipient;
  }

  public Kind getKind() {
    return kind;
  }

  public String getStatus() {
    return status;
  }

  public String getDetail() {
    return detail;
  }

  public OffsetDateTime getOccurredAt() {
    return occurredAt;
  }
}
