/**
 * SASL (RFC 4422) on the server side, free of I/O and shared by the SMTP, POP3 and IMAP engines:
 * the mechanisms PLAIN, LOGIN and SCRAM-SHA-256, the values a backend answers with, and the
 * throttling of failed attempts.
 */
package dev.yubin.protocol.sasl;
