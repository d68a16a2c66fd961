package dev.yubin.ejb.mailbox.domain;

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
import java.util.SortedSet;

/**
 * A mailbox (folder) of an account, with the counters IMAP needs. UIDs and MODSEQs are taken only
 * while the row is locked, in the transaction that writes the messages (ADR 0009), so a mailbox's
 * changes commit in UID and MODSEQ order.
 */
@Entity
@Table(name = "mailbox")
public class Mailbox {

  /** The hierarchy delimiter. */
  public static final char DELIMITER = '/';

  public static final String INBOX = "INBOX";

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mailbox_seq")
  @SequenceGenerator(name = "mailbox_seq", sequenceName = "mailbox_seq", allocationSize = 1)
  private Long id;

  /** The owning account's address. */
  @Column(nullable = false, length = 320)
  private String owner;

  /** The full name, levels separated by {@link #DELIMITER}. */
  @Column(nullable = false, length = 1024)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(name = "special_use", length = 16)
  private SpecialUse specialUse;

  @Column(name = "uid_validity", nullable = false)
  private long uidValidity;

  @Column(name = "uid_next", nullable = false)
  private long uidNext;

  @Column(name = "highest_modseq", nullable = false)
  private long highestModseq;

  /** Messages from this UID on are \Recent to the next session that claims them. */
  @Column(name = "first_recent_uid", nullable = false)
  private long firstRecentUid;

  /** The keywords in use, as {@link Flags#keywordColumn()} writes them. */
  @Column(nullable = false, length = 4000)
  private String keywords;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  protected Mailbox() {}

  public Mailbox(String owner, String name, SpecialUse specialUse, long uidValidity) {
    this.owner = owner;
    this.name = name;
    this.specialUse = specialUse;
    this.uidValidity = uidValidity;
    this.uidNext = 1;
    this.highestModseq = 1;
    this.firstRecentUid = 1;
    this.keywords = "";
    this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
  }

  public Long getId() {
    return id;
  }

  public String getOwner() {
    return owner;
  }

  public String getName() {
    return name;
  }

  public void rename(String name) {
    this.name = name;
  }

  public SpecialUse getSpecialUse() {
    return specialUse;
  }

  public long getUidValidity() {
    return uidValidity;
  }

  public long getUidNext() {
    return uidNext;
  }

  public long getHighestModseq() {
    return highestModseq;
  }

  public long getFirstRecentUid() {
    return firstRecentUid;
  }

  /** Takes {@code count} UIDs; the row must be locked. Answers the first. */
  public long allocateUids(int count) {
    long first = uidNext;
    uidNext += count;
    return first;
  }

  /** Takes the MODSEQ of one transaction's changes; the row must be locked. */
  public long nextModseq() {
    return ++highestModseq;
  }

  /** Claims \Recent for the messages from {@code firstRecentUid} on; answers that UID. */
  public long claimRecent() {
    long first = firstRecentUid;
    firstRecentUid = uidNext;
    return first;
  }

  public SortedSet<String> getKeywords() {
    return Flags.parseKeywordColumn(keywords);
  }

  /** Records keywords as in use; answers whether any was new. */
  public boolean addKeywords(SortedSet<String> used) {
    SortedSet<String> all = getKeywords();
    if (!all.addAll(used)) {
      return false;
    }
    keywords = Flags.of(java.util.List.of(), all).keywordColumn();
    return true;
  }

  /** Whether {@code other} lies below this mailbox in the hierarchy. */
  public boolean isAncestorOf(String other) {
    return other.startsWith(name + DELIMITER);
  }
}
