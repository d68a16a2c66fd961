/**
 * The relay queue's doorbell on JMS (docs/adr/0007): {@link
 * dev.yubin.ejb.relay.application.RelayQueue} announces a queue entry, the message-driven bean
 * {@code dev.yubin.ejb.interfaces.jms.RelayQueueListener} hands it to {@link
 * dev.yubin.ejb.relay.application.RelayWork}.
 *
 * <p>The queue's truth is the fsynced queue files and their index, not JMS: a lost message costs a
 * periodic scan, a duplicated one a second look. Implementations of {@code RelayWork} must be
 * idempotent.
 */
package dev.yubin.ejb.relay.infrastructure.messaging;
