package dev.yubin.ejb.mailbox.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * One message in one mailbox: the index row for a content file. The file is the truth (it is
 * fsynced before we answer 250); this row can be rebuilt from it after a crash.
 */
@Entity
@Table(name = "stored_message")
public class StoredMessage {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "message_seq")
  @SequenceGenerator(name = "message_seq", sequenceName = "message_seq", allocationSize = 1)
  private Long id;

  /** The owner's address; with {@link #mailbox} it names the folder of the content file. */
  @Column(nullable = false, length = 320)
  private String owner;

  @Column(nullable = false, length = 200)
  private String mailbox;

  /** The content file's name, also the POP3 unique id: stable across restarts and rebuilds. */
  @Column(name = "content_key", nullable = false, unique = true, length = 100)
  private String contentKey;

  @Column(nullable = false)
  private long size;

  @Column(name = "received_at", nullable = false)
  private OffsetDateTime receivedAt;

  protected StoredMessage() {}

  public StoredMessage(
      String owner, String mailbox, String contentKey, long size, OffsetDateTime receivedAt) {
    this.owner = owner;
    this.mailbox = mailbox;
    this.contentKey = contentKey;
    this.size = size;
    this.receivedAt = receivedAt;
  }

  public Long getId() {
    return id;
  }

  public String getOwner() {
    return owner;
  }

  public String getMailbox() {
    return mailbox;
  }

  public String getContentKey() {
    return contentKey;
  }

  public long getSize() {
    return size;
  }

  public OffsetDateTime getReceivedAt() {
    return receivedAt;
  }
}
