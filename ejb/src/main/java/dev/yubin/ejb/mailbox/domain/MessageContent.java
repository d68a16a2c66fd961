package dev.yubin.ejb.mailbox.domain;

import dev.yubin.ejb.mailbox.domain.mime.SearchFields;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The bytes of one stored message (a file), referenced by its placements in mailboxes, with the
 * MIME structure and the decoded fields that FETCH, SEARCH and SORT read instead of the file.
 */
@Entity
@Table(name = "message_content")
public class MessageContent {

  /** Live content; a row marked deleting has lost its last placement and its file goes next. */
  public static final short LIVE = 0;

  public static final short DELETING = 1;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "content_seq")
  @SequenceGenerator(name = "content_seq", sequenceName = "content_seq", allocationSize = 1)
  private Long id;

  /** The file's name: time-ordered and random, also the POP3 UIDL of delivered mail. */
  @Column(name = "content_key", nullable = false, unique = true, length = 100)
  private String contentKey;

  /** The file, relative to the data directory. */
  @Column(nullable = false, length = 600)
  private String path;

  @Column(nullable = false)
  private long size;

  @Column(nullable = false)
  private short state;

  /** The MIME structure, encoded by the structure codec. */
  @Lob
  @Basic(fetch = FetchType.LAZY)
  @Column(name = "structure")
  private byte[] structure;

  @Column(length = 1000)
  private String subject;

  @Column(name = "base_subject", length = 1000)
  private String baseSubject;

  @Column(name = "from_text", length = 1000)
  private String fromText;

  @Column(name = "to_text", length = 2000)
  private String toText;

  @Column(name = "cc_text", length = 2000)
  private String ccText;

  @Column(name = "bcc_text", length = 1000)
  private String bccText;

  @Column(name = "sort_from", length = 320)
  private String sortFrom;

  @Column(name = "sort_to", length = 320)
  private String sortTo;

  @Column(name = "sort_cc", length = 320)
  private String sortCc;

  @Column(name = "display_from", length = 400)
  private String displayFrom;

  @Column(name = "display_to", length = 400)
  private String displayTo;

  @Column(name = "sent_at")
  private OffsetDateTime sentAt;

  /**
   * The Date field's offset from UTC in minutes, which sent_at loses in databases that keep
   * instants (PostgreSQL); null in rows stored before it was kept (read as UTC).
   */
  @Column(name = "sent_offset")
  private Integer sentOffset;

  /** Whether the base subject lost a reply or forward marker (THREAD=REFERENCES, RFC 5256). */
  @Column(name = "reply_or_forward", nullable = false)
  private boolean replyOrForward;

  @Column(name = "message_id", length = 998)
  private String messageId;

  @Column(name = "in_reply_to", length = 998)
  private String inReplyTo;

  @Column(name = "references_ids", length = 4000)
  private String referencesIds;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  protected MessageContent() {}

  public MessageContent(String contentKey, String path, long size, OffsetDateTime createdAt) {
    this.contentKey = contentKey;
    this.path = path;
    this.size = size;
    this.state = LIVE;
    this.createdAt = createdAt;
  }

  /** Records what parsing found; values too long for their columns are cut. */
  public void describe(byte[] structure, SearchFields fields) {
    this.structure = structure;
    this.subject = cut(fields.subject(), 1000);
    this.baseSubject = cut(fields.baseSubject(), 1000);
    this.fromText = cut(fields.from(), 1000);
    this.toText = cut(fields.to(), 2000);
    this.ccText = cut(fields.cc(), 2000);
    this.bccText = cut(fields.bcc(), 1000);
    this.sortFrom = cut(fields.sortFrom(), 320);
    this.sortTo = cut(fields.sortTo(), 320);
    this.sortCc = cut(fields.sortCc(), 320);
    this.displayFrom = cut(fields.displayFrom(), 400);
    this.displayTo = cut(fields.displayTo(), 400);
    this.sentAt = fields.date();
    this.sentOffset =
        fields.date() == null ? null : fields.date().getOffset().getTotalSeconds() / 60;
    this.replyOrForward = fields.replyOrForward();
    this.messageId = cut(fields.messageId(), 998);
    this.inReplyTo = cut(fields.inReplyTo(), 998);
    this.referencesIds = cut(String.join(" ", fields.references()), 4000);
  }

  /**
   * The Date field at its own offset, from what a row keeps: SENTON and friends compare its
   * calendar day (RFC 3501 §6.4.4); null without one.
   */
  public static OffsetDateTime sentAt(OffsetDateTime stored, Integer offsetMinutes) {
    if (stored == null) {
      return null;
    }
    return stored.withOffsetSameInstant(
        ZoneOffset.ofTotalSeconds(offsetMinutes == null ? 0 : offsetMinutes * 60));
  }

  /** The Date field at its own offset, or null. */
  public OffsetDateTime getSentAt() {
    return sentAt(sentAt, sentOffset);
  }

  /** The Date field's offset from UTC in minutes, or null. */
  public Integer getSentOffset() {
    return sentOffset;
  }

  private static String cut(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max);
  }

  public Long getId() {
    return id;
  }

  public String getContentKey() {
    return contentKey;
  }

  public String getPath() {
    return path;
  }

  public long getSize() {
    return size;
  }

  public short getState() {
    return state;
  }

  public void markDeleting() {
    this.state = DELETING;
  }

  public byte[] getStructure() {
    return structure;
  }

  public OffsetDateTime getCreatedAt() {
    return createdAt;
  }
}
