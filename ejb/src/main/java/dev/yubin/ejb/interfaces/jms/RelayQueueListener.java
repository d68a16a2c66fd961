package dev.yubin.ejb.interfaces.jms;

import dev.yubin.ejb.infrastructure.messaging.RelayQueue;
import dev.yubin.ejb.infrastructure.messaging.RelayQueueDefinitions;
import dev.yubin.ejb.infrastructure.messaging.RelayWork;
import dev.yubin.ejb.interfaces.StartupGate;
import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.MessageDrivenContext;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Consumes the relay queue ({@value RelayQueue#PHYSICAL_NAME}) and hands each queue id to {@link
 * RelayWork}.
 *
 * <ul>
 *   <li><b>Transactions.</b> ActiveMQ's adapter redelivers only when the delivery's transaction
 *       rolls back, and in a non-transacted delivery it acknowledges the message even when {@code
 *       onMessage} throws. So the bean is {@code REQUIRED}: its JTA transaction holds the broker's
 *       acknowledgement and nothing else (committed in one phase), because {@link RelayWorkInvoker}
 *       calls {@code RelayWork} outside it ({@code NOT_SUPPORTED}). The relay's database work is
 *       never in an XA transaction with the broker.
 *   <li><b>A failure</b> of {@code RelayWork} marks the transaction for rollback: ActiveMQ
 *       redelivers after 1, 2, 4, 8 and 16 s, then moves the message to {@value
 *       RelayQueue#DEAD_LETTER_QUEUE}. A poison message costs six attempts, never a loop.
 *   <li><b>No {@code RelayWork} bean</b> (the relay is not deployed): the message is logged at
 *       WARNING and acknowledged. Redelivering it could not help before a redeploy, and the
 *       periodic scan finds the entry in the queue files then.
 *   <li>At most {@value #CONSUMERS} messages are processed at once.
 * </ul>
 *
 * <p>On Payara Micro the adapter is the standalone {@code activemq-rar}; so it is on Payara Server,
 * where the same rar is deployed before the EAR (docs/adr/0007).
 */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(
          propertyName = "resourceAdapter",
          propertyValue = RelayQueueDefinitions.ADAPTER),
      @ActivationConfigProperty(
          propertyName = "destinationType",
          propertyValue = "jakarta.jms.Queue"),
      @ActivationConfigProperty(
          propertyName = "destination",
          propertyValue = RelayQueue.PHYSICAL_NAME),
      @ActivationConfigProperty(
          propertyName = "maxSessions",
          propertyValue = "" + RelayQueueListener.CONSUMERS),
      @ActivationConfigProperty(propertyName = "maximumRedeliveries", propertyValue = "5"),
      @ActivationConfigProperty(propertyName = "initialRedeliveryDelay", propertyValue = "1000"),
      @ActivationConfigProperty(propertyName = "useExponentialBackOff", propertyValue = "true"),
      @ActivationConfigProperty(propertyName = "backOffMultiplier", propertyValue = "2"),
      @ActivationConfigProperty(propertyName = "maximumRedeliveryDelay", propertyValue = "60000")
    })
@TransactionAttribute(TransactionAttributeType.REQUIRED)
@Interceptors(StartupGate.class)
public class RelayQueueListener implements MessageListener {

  static final int CONSUMERS = 8;

  private static final Logger LOG = Logger.getLogger(RelayQueueListener.class.getName());

  @Inject RelayWorkInvoker invoker;

  @Resource MessageDrivenContext context;

  @Override
  public void onMessage(Message message) {
    String queueId = queueId(message);
    if (queueId == null) {
      LOG.warning(
          () -> "Relay queue: a message without a queue id was dropped: " + describe(message));
      return;
    }
    boolean processed;
    try {
      processed = invoker.process(queueId);
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          e,
          () -> "Relay queue: processing " + queueId + " failed; the broker redelivers it later");
      context.setRollbackOnly();
      return;
    }
    if (!processed) {
      LOG.warning(
          () ->
              "Relay queue: no RelayWork is deployed; the announcement of "
                  + queueId
                  + " was dropped (the periodic scan of the queue finds the entry)");
    }
  }

  private static String queueId(Message message) {
    try {
      String id = message.getStringProperty(RelayQueue.QUEUE_ID_PROPERTY);
      if ((id == null || id.isBlank()) && message instanceof TextMessage text) {
        id = text.getText();
      }
      return id == null || id.isBlank() ? null : id.strip();
    } catch (JMSException e) {
      LOG.log(Level.WARNING, "Relay queue: unreadable message", e);
      return null;
    }
  }

  private static String describe(Message message) {
    try {
      return message.getJMSMessageID();
    } catch (JMSException e) {
      return String.valueOf(message);
    }
  }
}
