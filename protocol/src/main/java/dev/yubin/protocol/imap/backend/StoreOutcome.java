package dev.yubin.protocol.imap.backend;

import java.util.List;

/**
 * The result of STORE.
 *
 * @param updated messages whose flags changed, with their new flags and MODSEQ
 * @param modified UIDs left alone because their MODSEQ exceeded UNCHANGEDSINCE (RFC 7162 §3.1.3)
 * @param highestModseq the mailbox's MODSEQ after the change
 */
public record StoreOutcome(List<MessageFlags> updated, long[] modified, long highestModseq) {}
