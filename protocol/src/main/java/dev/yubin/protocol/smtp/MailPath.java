package dev.yubin.protocol.smtp;

/**
 * The argument of MAIL FROM: or RCPT TO: once parsed: the path and what follows it.
 *
 * @param address the mailbox without angle brackets and without source route, {@code ""} for the
 *     null reverse-path, {@code postmaster} for RCPT TO:&lt;postmaster&gt;
 * @param parameters the ESMTP parameters after the path, stripped; empty if none
 */
record MailPath(String address, String parameters) {}
