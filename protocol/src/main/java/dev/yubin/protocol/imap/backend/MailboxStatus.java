package dev.yubin.protocol.imap.backend;

/**
 * The counters STATUS reports (RFC 3501 §6.3.10, RFC 7162 HIGHESTMODSEQ, RFC 8438 SIZE).
 *
 * @param deleted the number of messages with \Deleted (RFC 9051 DELETED)
 * @param size the total size of the messages in octets
 */
public record MailboxStatus(
    long messages,
    long recent,
    long uidNext,
    long uidValidity,
    long unseen,
    long highestModseq,
    long deleted,
    long size) {}
