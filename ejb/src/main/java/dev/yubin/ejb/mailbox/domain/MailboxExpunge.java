package dev.yubin.ejb.mailbox.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A UID removed from a mailbox and the MODSEQ of its removal (QRESYNC's VANISHED reads these). */
@Entity
@Table(name = "mailbox_expunge")
@IdClass(MailboxMessage.Key.class)
public class MailboxExpunge {

  @Id
  @Column(name = "mailbox_id")
  private Long mailboxId;

  @Id
  @Column(name = "uid")
  private Long uid;

  @Column(nullable = false)
  private long modseq;

  protected MailboxExpunge() {}

  public MailboxExpunge(long mailboxId, long uid, long modseq) {
    this.mailboxId = mailboxId;
    this.uid = uid;
    this.modseq = modseq;
  }

  public long getUid() {
    return uid;
  }

  public long getModseq() {
    return modseq;
  }
}
