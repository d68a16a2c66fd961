package dev.yubin.ejb.mailbox.domain;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Header fields decoded to Unicode at storage, for SEARCH, SORT, THREAD and webmail lists.
 *
 * @param baseSubject the subject reduced per RFC 5256 §2.1
 * @param sortFrom the first From mailbox, lower case (RFC 5256 §3 "FROM")
 * @param displayFrom the first From display name, else its address (RFC 5957)
 * @param sentAt the Date header, or null when absent or unparsable
 * @param references the Message-IDs of References, in order
 */
public record SearchFields(
    String subject,
    String baseSubject,
    String from,
    String to,
    String cc,
    String bcc,
    String sortFrom,
    String sortTo,
    String sortCc,
    String displayFrom,
    String displayTo,
    OffsetDateTime sentAt,
    String messageId,
    String inReplyTo,
    List<String> references) {

  public SearchFields {
    references = references == null ? List.of() : List.copyOf(references);
  }
}
