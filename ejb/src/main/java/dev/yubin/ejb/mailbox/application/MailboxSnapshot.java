package dev.yubin.ejb.mailbox.application;

import java.util.SortedSet;

/**
 * A mailbox as a reader opens it.
 *
 * @param uids every UID, ascending
 * @param recentUids the UIDs \Recent to this reader
 * @param firstUnseenUid the lowest UID without \Seen, 0 if none
 */
public record MailboxSnapshot(
    long id,
    String name,
    long uidValidity,
    long uidNext,
    long highestModseq,
    long[] uids,
    long[] recentUids,
    long firstUnseenUid,
    SortedSet<String> keywords,
    boolean readOnly) {}
