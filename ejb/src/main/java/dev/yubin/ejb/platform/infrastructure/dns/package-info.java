/**
 * DNS as a platform service: dnsjava against the configured or the system's resolver, cached per
 * TTL; clients' forward-confirmed names for trace headers, within a deadline. The relay's next-hop
 * resolution builds on it in {@code relay.infrastructure.dns}.
 */
package dev.yubin.ejb.platform.infrastructure.dns;
