package dev.yubin.ejb.relay.infrastructure.messaging;

import dev.yubin.ejb.relay.application.RelayQueue;
import dev.yubin.ejb.relay.application.RelayQueueException;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.util.Objects;

/**
 * {@link RelayQueue} with the classic JMS API, which both brokers support: ActiveMQ's adapter on
 * Payara Micro (whose factories do not support {@code JMSContext}) and OpenMQ's {@code jmsra} on
 * Payara Server (docs/adr/0007).
 *
 * <p>Every announcement takes a pooled connection, opens a non-transacted {@code AUTO_ACKNOWLEDGE}
 * session and a producer, sends one {@code PERSISTENT} text message (body and property {@value
 * RelayQueue#QUEUE_ID_PROPERTY}: the queue id) and closes all three. Both brokers send a persistent
 * message outside a transaction synchronously: {@code send} returns once the broker has written it
 * to its store.
 *
 * <p>A delay is JMS 2.0's delivery delay where the provider supports it (OpenMQ). ActiveMQ Classic
 * throws {@code UnsupportedOperationException} for it; there the delay is its scheduler's property
 * {@value #SCHEDULED_DELAY} in milliseconds, which the broker honours only with {@code
 * broker.schedulerSupport=true}, as {@code ./yubin run} configures it; without it the message is
 * delivered at once.
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
        delay(producer, message, delay.toMillis());
      }
      producer.send(message);
    } catch (JMSException | RuntimeException e) {
      throw new RelayQueueException("relay queue: cannot announce " + queueId, e);
    }
  }

  /** JMS 2.0's delivery delay, or ActiveMQ's scheduler property where the producer has none. */
  private static void delay(MessageProducer producer, Message message, long millis)
      throws JMSException {
    try {
      producer.setDeliveryDelay(millis);
    } catch (UnsupportedOperationException e) {
      message.setLongProperty(SCHEDULED_DELAY, millis);
    }
  }
}
