package dev.yubin.protocol.imap.backend;

import java.util.List;

/**
 * What changed in a mailbox after a MODSEQ.
 *
 * @param changed messages added or whose flags changed, ascending by UID
 * @param expunged UIDs removed, ascending
 * @param recentUids new messages this session claimed as \Recent
 * @param keywords the keywords now in use in the mailbox
 * @param highestModseq the mailbox's MODSEQ these changes bring the session to
 * @param uidNext the mailbox's next UID
 */
public record MailboxChanges(
    List<MessageFlags> changed,
    long[] expunged,
    long[] recentUids,
    List<String> keywords,
    long highestModseq,
    long uidNext) {}
