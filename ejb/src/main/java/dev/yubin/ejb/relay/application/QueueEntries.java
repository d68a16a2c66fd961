package dev.yubin.ejb.relay.application;

import dev.yubin.ejb.accounts.application.Address;
import dev.yubin.ejb.kernel.Envelope;
import dev.yubin.ejb.kernel.EnvelopeRecipient;
import dev.yubin.ejb.kernel.Notify;
import dev.yubin.ejb.kernel.OriginalRecipient;
import dev.yubin.ejb.relay.domain.QueueEntry;
import dev.yubin.ejb.relay.domain.QueuedRecipient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Makes queue entries from what submission accepted, keeping the DSN parameters for the next hop.
 */
public final class QueueEntries {

  private QueueEntries() {}

  /**
   * A new entry for {@code remote} recipients of an accepted message; recipients a filter or an
   * alias added have no DSN parameters of their own.
   */
  public static QueueEntry from(String id, Envelope envelope, List<String> remote, Path content)
      throws IOException {
    Instant now = Instant.now();
    List<QueuedRecipient> recipients = new ArrayList<>();
    for (String address : remote) {
      EnvelopeRecipient given =
          envelope.rcptTo().stream()
              .filter(r -> sameAddress(r.address(), address))
              .findFirst()
              .orElse(EnvelopeRecipient.of(address));
      Set<String> notify = given.notifyOn().stream().map(Notify::name).collect(Collectors.toSet());
      recipients.add(
          QueuedRecipient.pending(
              address, notify, OriginalRecipient.format(given.originalRecipient()), now));
    }
    return new QueueEntry(
        id,
        envelope.reversePath(),
        now,
        envelope.envelopeId(),
        envelope.ret() == null ? null : envelope.ret().name(),
        envelope.smtpUtf8(),
        hasEightBit(content),
        recipients);
  }

  /** The same mailbox, however its domain is written (case, trailing dot). */
  private static boolean sameAddress(String given, String resolved) {
    if (given.equals(resolved)) {
      return true;
    }
    Optional<Address> parsed = Address.parse(given);
    return parsed.isPresent() && parsed.equals(Address.parse(resolved));
  }

  /** Whether the content has an octet above 127 (BODY=8BITMIME for the next hop, RFC 6152). */
  public static boolean hasEightBit(Path content) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = Files.newInputStream(content)) {
      for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
        for (int i = 0; i < n; i++) {
          if (buffer[i] < 0) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
