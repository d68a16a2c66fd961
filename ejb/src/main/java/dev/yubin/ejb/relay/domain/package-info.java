/**
 * The outbound queue: a message waiting to be relayed, the state of each of its recipients, and
 * when to try again.
 */
package dev.yubin.ejb.relay.domain;
