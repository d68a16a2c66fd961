package dev.yubin.ejb.infrastructure.messaging;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.util.Objects;

/**
 * {@link RelayQueue} on the ActiveMQ adapter with the classic API: ActiveMQ's factories do not
 * support {@code JMSContext}.
 *
 * <p>Every announcement takes a pooled connection, opens a non-transacted {@code AUTO_ACKNOWLEDGE}
 * session and a producer, sends one {@code PERSISTENT} text message (body and property {@value
 * RelayQueue#QUEUE_ID_PROPERTY}: the queue id) and closes all three. ActiveMQ sends a persistent
 * message outside a transaction synchronously: {@code send} returns once the broker has written it
 * to its journal (KahaDB syncs it to disk).
 *
 * <p>A delay uses ActiveMQ's scheduler ({@value #SCHEDULED_DELAY} in milliseconds), which the
 * broker must enable ({@code broker.schedulerSupport=true}, as {@code ./yubin run} does); without
 * it the message is delivered at once.
 */
@ApplicationScoped
public class JmsRelayQueue implements RelayQueue {

  /** ActiveMQ's message property for a delivery delay in milliseconds. */
  static final String SCHEDULED_DELAY = "AMQ_SCHEDULED_DELAY";

  @Resource(lookup = RelayQueue.CONNECTION_FACTORY)
  ConnectionFactory factory;

  @Resource(lookup = RelayQueue.QUEUE)
  Queue queue;

  @Override
  public void announce(String queueId) {
    announce(queueId, Duration.ZERO);
  }

  @Override
  public void announce(String queueId, Duration delay) {
    if (queueId == null || queueId.isBlank()) {
      throw new IllegalArgumentException("no queue id");
    }
    Objects.requireNonNull(delay, "delay");
    try (Connection connection = factory.createConnection();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageProducer producer = session.createProducer(queue)) {
      producer.setDeliveryMode(DeliveryMode.PERSISTENT);
      TextMessage message = session.createTextMessage(queueId);
      message.setStringProperty(QUEUE_ID_PROPERTY, queueId);
      if (!delay.isNegative() && !delay.isZero()) {
        message.setLongProperty(SCHEDULED_DELAY, delay.toMillis());
      }
      producer.send(message);
    } catch (JMSException | RuntimeException e) {
      throw new RelayQueueException("relay queue: cannot announce " + queueId, e);
    }
  }
}
