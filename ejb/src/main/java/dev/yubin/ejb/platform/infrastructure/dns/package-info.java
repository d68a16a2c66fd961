/**
 * DNS for relay and submission: where mail for a domain goes next (MX, then the implicit MX, RFC
 * 5321 §5.1; null MX, RFC 7505), through dnsjava against the configured or the system's resolver,
 * cached per TTL; and clients' forward-confirmed names for trace headers, within a deadline.
 */
package dev.yubin.ejb.platform.infrastructure.dns;
