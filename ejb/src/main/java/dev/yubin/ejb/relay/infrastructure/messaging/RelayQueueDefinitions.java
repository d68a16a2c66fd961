package dev.yubin.ejb.relay.infrastructure.messaging;

import dev.yubin.ejb.relay.application.RelayQueue;
import jakarta.ejb.Singleton;
import jakarta.jms.JMSConnectionFactoryDefinition;
import jakarta.jms.JMSDestinationDefinition;

/**
 * Defines the relay queue and its connection factory on the ActiveMQ adapter {@value #ADAPTER},
 * deployed as a standalone rar before the application on Payara Micro ({@code ./yubin run}).
 *
 * <p>In the EAR on Payara Server the same names are defined again, on Payara Server's own JMS
 * (OpenMQ's adapter {@value #SERVER_ADAPTER}), by the ejb module's {@code alt-dd} in the EAR: a
 * deployment descriptor entry overrides the annotation of the same name (docs/adr/0007).
 *
 * <p>An EJB only so that every container reads these annotations, in the war on Micro as in the
 * EAR's ejb module; it has no behaviour and is never instantiated.
 *
 * <p>The queue's name is the admin object's {@code PhysicalName} property ({@code destinationName}
 * would be set as a {@code Name} property, which ActiveMQ's queue does not have; OpenMQ's queue has
 * it, so the EAR's descriptor uses {@code destination-name}).
 *
 * <p>The factory is not transactional ({@code NoTransaction} pool, never enlisted in JTA): an
 * announcement is sent when it is made, never in an XA transaction with the database, whose
 * recovery after a kill -9 is not reliable (DESIGN.md).
 */
@Singleton
@JMSConnectionFactoryDefinition(
    name = RelayQueue.CONNECTION_FACTORY,
    interfaceName = "jakarta.jms.ConnectionFactory",
    resourceAdapter = RelayQueueDefinitions.ADAPTER,
    transactional = false,
    maxPoolSize = 32,
    minPoolSize = 0,
    properties = "org.glassfish.connector-connection-pool.transaction-support=NoTransaction")
@JMSDestinationDefinition(
    name = RelayQueue.QUEUE,
    interfaceName = "jakarta.jms.Queue",
    resourceAdapter = RelayQueueDefinitions.ADAPTER,
    properties = "PhysicalName=" + RelayQueue.PHYSICAL_NAME)
public class RelayQueueDefinitions {

  /**
   * The resource adapter's name on Payara Micro: ActiveMQ's rar deployed as {@code activemq-rar}.
   */
  public static final String ADAPTER = "activemq-rar";

  /** The resource adapter's name on Payara Server: its own JMS, OpenMQ. */
  public static final String SERVER_ADAPTER = "jmsra";
}
