package dev.yubin.ejb.mailbox.application;

import dev.yubin.ejb.mailbox.domain.Flags;
import dev.yubin.ejb.mailbox.domain.MailboxMessage;
import java.time.OffsetDateTime;

/**
 * A message's columns as read, not a managed entity: what FETCH and STORE read for thousands of
 * messages at once without the persistence context tracking each.
 */
public record MessageRow(
    long uid, long contentId, long modseq, OffsetDateTime internalDate, long size, Flags flags) {

  public static MessageRow of(MailboxMessage message) {
    return new MessageRow(
        message.getUid(),
        message.getContentId(),
        message.getModseq(),
        message.getInternalDate(),
        message.getSize(),
        message.getFlags());
  }
}
