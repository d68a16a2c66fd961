package dev.yubin.protocol.imap.backend;

import java.util.List;

/**
 * A mailbox as SELECT or EXAMINE finds it.
 *
 * @param mailboxId the store's id, passed back in later calls
 * @param uids every UID, ascending
 * @param recentUids the UIDs that are \Recent in this session, ascending
 * @param firstUnseenUid the lowest UID without \Seen, or 0 if none
 * @param keywords the keywords in use in the mailbox (for FLAGS)
 * @param readOnly true when the mailbox cannot be changed by this session
 */
public record SelectedState(
    long mailboxId,
    String name,
    long uidValidity,
    long uidNext,
    long highestModseq,
    long[] uids,
    long[] recentUids,
    long firstUnseenUid,
    List<String> keywords,
    boolean readOnly) {}
