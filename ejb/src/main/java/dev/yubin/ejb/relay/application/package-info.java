/**
 * Relaying: the outbound queue, delivery attempts to the next hop found in DNS, retries with
 * backoff. What senders are told of it is the reports context's.
 */
package dev.yubin.ejb.relay.application;
