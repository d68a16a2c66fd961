/**
 * The SMTP server engine (RFC 5321 with PIPELINING, SIZE, 8BITMIME, ENHANCEDSTATUSCODES, STARTTLS,
 * AUTH, SMTPUTF8, DSN and CHUNKING): one class per command, the session state machine, path
 * parsing, and the backend it asks.
 */
package dev.yubin.protocol.smtp;
