package dev.yubin.ear.probe;

import jakarta.annotation.Resource;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSConnectionFactoryDefinition;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;

/**
 * A separate test application on the same server, talking to Payara Server's own JMS (OpenMQ's
 * {@code jmsra}, the domain's embedded broker):
 *
 * <ul>
 *   <li>{@code GET /relay-probe/announce?id=X} sends a persistent message for queue id X to the
 *       relay queue {@code yubin.relay}, as Yubin's own {@code JmsRelayQueue} does (text body and
 *       string property {@code yubinQueueId});
 *   <li>{@code GET /relay-probe/count?queue=Q&id=X} answers how many messages for X wait in queue
 *       Q, e.g. OpenMQ's dead message queue {@code mq.sys.dmq}.
 * </ul>
 */
@WebServlet({"/announce", "/count"})
@JMSConnectionFactoryDefinition(
    name = "java:app/jms/probe/ConnectionFactory",
    interfaceName = "jakarta.jms.ConnectionFactory",
    resourceAdapter = "jmsra",
    transactional = false,
    properties = "org.glassfish.connector-connection-pool.transaction-support=NoTransaction")
public class RelayProbeServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  private static final String QUEUE_ID = "yubinQueueId";

  @Resource(lookup = "java:app/jms/probe/ConnectionFactory")
  private transient ConnectionFactory factory;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String id = request.getParameter("id");
    String answer;
    try {
      answer =
          request.getServletPath().equals("/count")
              ? Integer.toString(count(request.getParameter("queue"), id))
              : announce(id);
    } catch (JMSException e) {
      throw new IOException(e);
    }
    response.setContentType("text/plain");
    response.getWriter().println(answer);
  }

  private String announce(String id) throws JMSException {
    try (Connection connection = factory.createConnection();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageProducer producer = session.createProducer(session.createQueue("yubin.relay"))) {
      producer.setDeliveryMode(DeliveryMode.PERSISTENT);
      TextMessage message = session.createTextMessage(id);
      message.setStringProperty(QUEUE_ID, id);
      producer.send(message);
      return "sent " + id + " with " + connection.getMetaData().getJMSProviderName();
    }
  }

  private int count(String queue, String id) throws JMSException {
    try (Connection connection = factory.createConnection();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
      connection.start();
      QueueBrowser browser =
          session.createBrowser(session.createQueue(queue), QUEUE_ID + " = '" + id + "'");
      return Collections.list(browser.getEnumeration()).size();
    }
  }
}
