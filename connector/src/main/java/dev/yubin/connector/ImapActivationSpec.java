package dev.yubin.connector;

import dev.yubin.protocol.imap.backend.ImapBackend;
import jakarta.resource.spi.Activation;

/** Activates the IMAP listeners when an MDB implementing {@link ImapBackend} is deployed. */
@Activation(messageListeners = ImapBackend.class)
public class ImapActivationSpec extends ListenerActivationSpec {
  private static final long serialVersionUID = 1L;
}
