/**
 * Where relayed mail for a domain goes next (MX, then the implicit MX, RFC 5321 §5.1; null MX, RFC
 * 7505), through the platform's cached dnsjava client; hosts that are us or internal are dropped.
 */
package dev.yubin.ejb.relay.infrastructure.dns;
