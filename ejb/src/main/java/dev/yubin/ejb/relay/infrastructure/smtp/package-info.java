/**
 * The outbound SMTP client of relay: one blocking session to one next hop (RFC 5321, ESMTP first
 * then HELO, STARTTLS, SIZE, 8BITMIME, PIPELINING, DSN, SMTPUTF8), reporting an outcome per
 * recipient. Queueing, retries and bounces are the caller's.
 */
package dev.yubin.ejb.relay.infrastructure.smtp;
