package dev.yubin.ejb.relay.application;

import java.time.Duration;

/**
 * Rings the relay's doorbell: tells a relay consumer that a queue entry is ready to be attempted.
 *
 * <p>Announce an entry only once it is durable (its queue file fsynced, its index row committed):
 * the consumer may run before {@code announce} returns. The message is persistent, so it survives a
 * crash of the server once {@code announce} has returned; it carries nothing but the queue id, so
 * the consumer reads everything else from the queue itself.
 *
 * <p>Inject it with {@code @Inject RelayQueue relayQueue}. It never joins the caller's JTA
 * transaction: the message is sent when {@code announce} is called, whatever becomes of the
 * caller's transaction afterwards.
 */
public interface RelayQueue {

  /** The queue's JNDI name, a {@code jakarta.jms.Queue} (physical name {@value #PHYSICAL_NAME}). */
  String QUEUE = "java:app/jms/yubin/relay";

  /** The connection factory for the relay queue: non-transactional, never enlisted in JTA. */
  String CONNECTION_FACTORY = "java:app/jms/yubin/RelayConnectionFactory";

  /** The broker's name for the queue. */
  String PHYSICAL_NAME = "yubin.relay";

  /** Where ActiveMQ (Payara Micro) moves a message that failed every redelivery: its shared DLQ. */
  String DEAD_LETTER_QUEUE = "ActiveMQ.DLQ";

  /**
   * Where OpenMQ (Payara Server's own JMS) moves a message that failed every redelivery: its dead
   * message queue.
   */
  String OPENMQ_DEAD_MESSAGE_QUEUE = "mq.sys.dmq";

  /** The string property that carries the queue id (the text body carries it too). */
  String QUEUE_ID_PROPERTY = "yubinQueueId";

  /**
   * Sends a persistent message for {@code queueId}, delivered as soon as a consumer is free.
   *
   * @throws RelayQueueException when the broker did not take the message; the entry is still picked
   *     up by the periodic scan, so a caller may log this and carry on
   */
  void announce(String queueId);

  /**
   * Sends a persistent message for {@code queueId} that the broker delivers no earlier than {@code
   * delay} from now (JMS 2.0's delivery delay on OpenMQ, ActiveMQ's scheduler on ActiveMQ; zero or
   * negative means now). The broker keeps the schedule across restarts; a consumer must still check
   * that the entry is due, since a duplicate or a scan may come earlier.
   *
   * @throws RelayQueueException when the broker did not take the message
   */
  void announce(String queueId, Duration delay);
}
