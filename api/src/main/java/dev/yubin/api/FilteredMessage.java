package dev.yubin.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * What a filter may read and change of one message. Header changes and recipient changes take
 * effect when the whole chain has continued; the body is read-only.
 */
public interface FilteredMessage {

  /** The envelope sender (MAIL FROM) without angle brackets; empty for the null sender. */
  String sender();

  /** The envelope recipients, in order. */
  List<String> recipients();

  /** Adds an envelope recipient (it is then routed like any other: local or relay). */
  void addRecipient(String address);

  /** Removes an envelope recipient; answers whether it was there. */
  boolean removeRecipient(String address);

  /** The header fields, in order; changes here change the stored message. */
  HeaderFields headers();

  /** The body (everything after the blank line that ends the header), as received. */
  InputStream body() throws IOException;

  /** Whether the message came in by authenticated submission rather than by MX. */
  boolean submission();

  /** The SASL identity of the submitting user, if any. */
  Optional<String> authenticatedUser();

  /** The client's IP address. */
  String clientAddress();

  /** The name the client gave in EHLO or HELO. */
  String heloName();
}
