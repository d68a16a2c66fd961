/**
 * Relaying: the outbound queue, delivery attempts to the next hop found in DNS, retries with
 * backoff, and delivery status notifications.
 */
package dev.yubin.ejb.relay.application;
