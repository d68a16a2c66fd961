/**
 * RelayQueueIT's stand-in for the relay, an {@code @Alternative}: only that test's deployment adds
 * this package, so every other deployment runs the real relay.
 */
package dev.yubin.ejb.it.relayqueue;
