package dev.yubin.ejb.mailbox.application;

import java.util.List;
import java.util.SortedSet;

/** What changed in a mailbox after a MODSEQ: see the IMAP backend's changes(). */
public record MailboxDelta(
    List<MessageState> changed,
    long[] expunged,
    long[] recentUids,
    SortedSet<String> keywords,
    long highestModseq,
    long uidNext) {}
