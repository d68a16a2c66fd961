package dev.yubin.ejb.relay.infrastructure.smtp;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One envelope recipient with its optional DSN request (RFC 3461 §4).
 *
 * @param address the forward-path without angle brackets
 * @param notifyOn the NOTIFY values; empty when the sender asked for nothing (the parameter is then
 *     not sent)
 * @param originalRecipient ORCPT as {@code addr-type;address}, decoded (the client xtext-encodes
 *     the address part), e.g. {@code rfc822;joe@example.test}
 */
public record Recipient(String address, Set<Notify> notifyOn, Optional<String> originalRecipient) {

  /** NOTIFY values (RFC 3461 §4.1). NEVER stands alone. */
  public enum Notify {
    NEVER,
    SUCCESS,
    FAILURE,
    DELAY
  }

  public Recipient {
    OutboundMessage.checkPath(address, "recipient");
    notifyOn = notifyOn.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(notifyOn));
    if (notifyOn.contains(Notify.NEVER) && notifyOn.size() > 1) {
      throw new IllegalArgumentException("NOTIFY=NEVER stands alone");
    }
    Objects.requireNonNull(originalRecipient, "originalRecipient");
    originalRecipient.ifPresent(
        o -> {
          if (o.indexOf(';') <= 0 || o.chars().anyMatch(c -> c < ' ' || c == 127)) {
            throw new IllegalArgumentException("ORCPT must be addr-type;address: " + o);
          }
        });
  }

  /** A recipient without DSN parameters. */
  public static Recipient of(String address) {
    return new Recipient(address, Set.of(), Optional.empty());
  }
}
