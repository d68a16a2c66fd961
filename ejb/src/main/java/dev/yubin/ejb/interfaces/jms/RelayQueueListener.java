package dev.yubin.ejb.interfaces.jms;

import dev.yubin.ejb.interfaces.StartupGate;
import dev.yubin.ejb.relay.application.RelayQueue;
import dev.yubin.ejb.relay.application.RelayWork;
import dev.yubin.ejb.relay.infrastructure.messaging.RelayQueueDefinitions;
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
 *   <li><b>A failure</b> of {@code RelayWork} marks the transaction for rollback. The two brokers
 *       want different signals (docs/adr/0007):
 *       <ul>
 *         <li>ActiveMQ's adapter (Payara Micro) redelivers only when the delivery's transaction
 *             rolls back; it redelivers after 1, 2, 4, 8 and 16 s, then moves the message to
 *             {@value RelayQueue#DEAD_LETTER_QUEUE}. The bean returns normally.
 *         <li>OpenMQ's adapter {@code jmsra} (Payara Server) redelivers a rolled-back message at
 *             once and forever, but redelivers a message whose {@code onMessage} threw {@code
 *             endpointExceptionRedeliveryAttempts} times, then moves it to {@value
 *             RelayQueue#OPENMQ_DEAD_MESSAGE_QUEUE}. There the EAR's descriptor sets the
 *             environment entry {@value #THROW_ON_FAILURE}, and the bean throws {@link
 *             RelayFailedException} (an application exception, so the bean instance is kept).
 *       </ul>
 *       A poison message costs a bounded number of attempts, never a loop.
 *   <li><b>No {@code RelayWork} bean</b> (the relay is not deployed): the message is logged at
 *       WARNING and acknowledged. Redelivering it could not help before a redeploy, and the
 *       periodic scan finds the entry in the queue files then.
 *   <li>At most {@value #CONSUMERS} messages are processed at once.
 * </ul>
 *
 * <p>The annotations below are for ActiveMQ's standalone {@code activemq-rar} on Payara Micro. In
 * the EAR on Payara Server, {@code META-INF/glassfish-ejb-jar.xml} binds the bean to {@code jmsra}
 * and the EAR's {@code alt-dd} for this module replaces ActiveMQ's activation properties with
 * OpenMQ's (docs/adr/0007).
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

  /** The environment entry that asks for {@link RelayFailedException} on a failure. */
  static final String THROW_ON_FAILURE = "throwOnFailure";

  private static final Logger LOG = Logger.getLogger(RelayQueueListener.class.getName());

  @Inject RelayWorkInvoker invoker;

  @Resource MessageDrivenContext context;

  /**
   * Whether a failure is also thrown to the adapter, for a broker that redelivers on an exception
   * rather than on a rollback (OpenMQ). Unset (false) unless a descriptor gives it a value: the
   * EAR's does for Payara Server.
   */
  @Resource(name = THROW_ON_FAILURE)
  boolean throwOnFailure;

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
      if (throwOnFailure) {
        throw new RelayFailedException(queueId, e);
      }
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
