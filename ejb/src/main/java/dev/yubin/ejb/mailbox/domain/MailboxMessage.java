package dev.yubin.ejb.mailbox.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.EnumSet;

/**
 * One message in one mailbox: a placement of stored content under a UID, with its flags, MODSEQ and
 * internal date. COPY and MOVE create placements; the content is shared.
 */
@Entity
@Table(name = "mailbox_message")
@IdClass(MailboxMessage.Key.class)
public class MailboxMessage {

  /** The primary key: mailbox and UID (a plain class: JPA sets its fields). */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    private Long mailboxId;
    private Long uid;

    public Key() {}

    public Key(long mailboxId, long uid) {
      this.mailboxId = mailboxId;
      this.uid = uid;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key
          && java.util.Objects.equals(mailboxId, key.mailboxId)
          && java.util.Objects.equals(uid, key.uid);
    }

    @Override
    public int hashCode() {
      return java.util.Objects.hash(mailboxId, uid);
    }
  }

  @Id
  @Column(name = "mailbox_id")
  private Long mailboxId;

  @Id
  @Column(name = "uid")
  private Long uid;

  @Column(name = "content_id", nullable = false)
  private long contentId;

  @Column(nullable = false)
  private long modseq;

  @Column(name = "internal_date", nullable = false)
  private OffsetDateTime internalDate;

  @Column(nullable = false)
  private long size;

  @Column(nullable = false)
  private boolean seen;

  @Column(nullable = false)
  private boolean answered;

  @Column(nullable = false)
  private boolean flagged;

  @Column(nullable = false)
  private boolean deleted;

  @Column(nullable = false)
  private boolean draft;

  @Column(nullable = false, length = 2000)
  private String keywords;

  /** The POP3 unique id: set once, so it stays stable whatever happens to UIDs. */
  @Column(name = "pop3_uidl", nullable = false, length = 100)
  private String pop3Uidl;

  protected MailboxMessage() {}

  public MailboxMessage(
      long mailboxId,
      long uid,
      long contentId,
      long modseq,
      OffsetDateTime internalDate,
      long size,
      Flags flags,
      String pop3Uidl) {
    this.mailboxId = mailboxId;
    this.uid = uid;
    this.contentId = contentId;
    this.modseq = modseq;
    this.internalDate = internalDate;
    this.size = size;
    this.pop3Uidl = pop3Uidl;
    setFlags(flags);
  }

  public long getMailboxId() {
    return mailboxId;
  }

  public long getUid() {
    return uid;
  }

  public long getContentId() {
    return contentId;
  }

  public long getModseq() {
    return modseq;
  }

  public OffsetDateTime getInternalDate() {
    return internalDate;
  }

  public long getSize() {
    return size;
  }

  public String getPop3Uidl() {
    return pop3Uidl;
  }

  public Flags getFlags() {
    return flags(seen, answered, flagged, deleted, draft, keywords);
  }

  /** Flags from the columns as stored (queries that read columns rather than entities). */
  public static Flags flags(
      boolean seen,
      boolean answered,
      boolean flagged,
      boolean deleted,
      boolean draft,
      String keywords) {
    EnumSet<SystemFlag> system = EnumSet.noneOf(SystemFlag.class);
    if (seen) {
      system.add(SystemFlag.SEEN);
    }
    if (answered) {
      system.add(SystemFlag.ANSWERED);
    }
    if (flagged) {
      system.add(SystemFlag.FLAGGED);
    }
    if (deleted) {
      system.add(SystemFlag.DELETED);
    }
    if (draft) {
      system.add(SystemFlag.DRAFT);
    }
    return new Flags(system, Flags.parseKeywordColumn(keywords));
  }

  /** Sets the flags with the MODSEQ of the transaction that changes them. */
  public void changeFlags(Flags flags, long modseq) {
    setFlags(flags);
    this.modseq = modseq;
  }

  private void setFlags(Flags flags) {
    seen = flags.has(SystemFlag.SEEN);
    answered = flags.has(SystemFlag.ANSWERED);
    flagged = flags.has(SystemFlag.FLAGGED);
    deleted = flags.has(SystemFlag.DELETED);
    draft = flags.has(SystemFlag.DRAFT);
    keywords = flags.keywordColumn();
  }
}
