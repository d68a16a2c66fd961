package dev.yubin.ear.probe;

import jakarta.annotation.Resource;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSConnectionFactoryDefinition;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A separate test application on the same server: {@code GET /relay-probe/announce?id=X} sends a
 * persistent message for queue id X to the relay queue of the server's ActiveMQ broker, as Yubin's
 * own {@code JmsRelayQueue} does (text body and string property {@code yubinQueueId}).
 */
@WebServlet("/announce")
@JMSConnectionFactoryDefinition(
    name = "java:app/jms/probe/ConnectionFactory",
    interfaceName = "jakarta.jms.ConnectionFactory",
    resourceAdapter = "activemq-rar",
    transactional = false,
    properties = "org.glassfish.connector-connection-pool.transaction-support=NoTransaction")
public class RelayProbeServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Resource(lookup = "java:app/jms/probe/ConnectionFactory")
  private transient ConnectionFactory factory;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String id = request.getParameter("id");
    try (Connection connection = factory.createConnection();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageProducer producer = session.createProducer(session.createQueue("yubin.relay"))) {
      producer.setDeliveryMode(DeliveryMode.PERSISTENT);
      TextMessage message = session.createTextMessage(id);
      message.setStringProperty("yubinQueueId", id);
      producer.send(message);
    } catch (JMSException e) {
      throw new IOException(e);
    }
    response.setContentType("text/plain");
    response.getWriter().println("sent " + id);
  }
}
