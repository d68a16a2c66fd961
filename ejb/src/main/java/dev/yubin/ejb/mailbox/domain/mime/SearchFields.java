package dev.yubin.ejb.mailbox.domain.mime;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The decoded header fields that SEARCH, SORT and THREAD read (RFC 3501 §6.4.4, RFC 5256, RFC
 * 5957), taken from the message's top-level header.
 *
 * @param subject Subject with encoded words decoded (RFC 2047), unfolded; null when absent
 * @param from the From addresses as decoded display text, {@code Name <addr>} joined with {@code ",
 *     "}; null when absent (likewise {@code to}, {@code cc}, {@code bcc})
 * @param date the Date field with its own offset, or null when absent or unparsable
 * @param messageId the first msg-id of Message-ID ({@code <...>}), else its raw value, or null
 * @param inReplyTo the first msg-id of In-Reply-To, else its raw value, or null
 * @param references the msg-ids of References in order, empty when none
 * @param baseSubject the base subject (RFC 5256 §2.1), case kept; compare with i;unicode-casemap
 * @param replyOrForward whether extracting the base subject removed a reply or forward marker (RFC
 *     5256 §2.1, used by THREAD=REFERENCES)
 * @param sortFrom the addr-mailbox of the first From mailbox, lower case (RFC 5256 SORT FROM),
 *     empty when none (likewise {@code sortTo}, {@code sortCc})
 * @param displayFrom the decoded display name of the first From mailbox, else its addr-spec (RFC
 *     5957 DISPLAYFROM), empty when none (likewise {@code displayTo})
 */
public record SearchFields(
    String subject,
    String from,
    String to,
    String cc,
    String bcc,
    OffsetDateTime date,
    String messageId,
    String inReplyTo,
    List<String> references,
    String baseSubject,
    boolean replyOrForward,
    String sortFrom,
    String sortTo,
    String sortCc,
    String displayFrom,
    String displayTo) {

  public SearchFields {
    references = List.copyOf(references);
  }
}
