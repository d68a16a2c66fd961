package dev.yubin.ejb.mailbox.application;

/** A mailbox's counters, for STATUS and folder lists. */
public record MailboxCounts(
    long messages,
    long recent,
    long uidNext,
    long uidValidity,
    long unseen,
    long highestModseq,
    long deleted,
    long size) {}
