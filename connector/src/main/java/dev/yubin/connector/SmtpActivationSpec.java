package dev.yubin.connector;

import dev.yubin.protocol.smtp.SmtpBackend;
import jakarta.resource.spi.Activation;

/** Activates the SMTP listener when an MDB implementing {@link SmtpBackend} is deployed. */
@Activation(messageListeners = SmtpBackend.class)
public class SmtpActivationSpec extends ListenerActivationSpec {
  private static final long serialVersionUID = 1L;
}
