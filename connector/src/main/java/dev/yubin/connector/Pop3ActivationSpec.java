package dev.yubin.connector;

import dev.yubin.protocol.pop3.Pop3Backend;
import jakarta.resource.spi.Activation;

/** Activates the POP3 listener when an MDB implementing {@link Pop3Backend} is deployed. */
@Activation(messageListeners = Pop3Backend.class)
public class Pop3ActivationSpec extends ListenerActivationSpec {
  private static final long serialVersionUID = 1L;
}
