package dev.yubin.ejb.relay.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A message waiting to be relayed, with its envelope and each recipient's state. Immutable: every
 * change makes a new entry, which the queue writes durably before acting on it.
 *
 * @param id the queue id (also the content file's name)
 * @param sender the envelope sender; empty for the null sender (bounces)
 * @param arrived when the message was accepted
 * @param envelopeId the DSN ENVID, or null
 * @param ret the DSN RET value ({@code FULL} or {@code HDRS}), or null
 * @param smtpUtf8 whether the message needs SMTPUTF8
 * @param eightBit whether the content has 8-bit octets
 * @param recipients the recipients in order
 * @param delayReported whether the sender was warned that delivery is delayed (once per entry)
 */
public record QueueEntry(
    String id,
    String sender,
    Instant arrived,
    String envelopeId,
    String ret,
    boolean smtpUtf8,
    boolean eightBit,
    List<QueuedRecipient> recipients,
    boolean delayReported) {

  public QueueEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(arrived, "arrived");
    recipients = List.copyOf(recipients);
  }

  /** A new entry: no delay warning sent yet. */
  public QueueEntry(
      String id,
      String sender,
      Instant arrived,
      String envelopeId,
      String ret,
      boolean smtpUtf8,
      boolean eightBit,
      List<QueuedRecipient> recipients) {
    this(id, sender, arrived, envelopeId, ret, smtpUtf8, eightBit, recipients, false);
  }

  /** The recipients still to be delivered. */
  public List<QueuedRecipient> pending() {
    return recipients.stream().filter(QueuedRecipient::isPending).toList();
  }

  /** Whether every recipient reached a final state: the entry can go. */
  public boolean isDone() {
    return pending().isEmpty();
  }

  /** When the earliest pending recipient is due, if any is pending. */
  public Optional<Instant> nextAttempt() {
    return pending().stream().map(QueuedRecipient::nextAttempt).min(Instant::compareTo);
  }

  /** This entry with one recipient changed. */
  public QueueEntry withRecipient(String address, UnaryOperator<QueuedRecipient> change) {
    List<QueuedRecipient> changed = new ArrayList<>(recipients.size());
    for (QueuedRecipient r : recipients) {
      changed.add(r.address().equals(address) ? change.apply(r) : r);
    }
    return new QueueEntry(
        id, sender, arrived, envelopeId, ret, smtpUtf8, eightBit, changed, delayReported);
  }

  /** This entry after its sender was warned of the delay. */
  public QueueEntry withDelayReported() {
    return new QueueEntry(
        id, sender, arrived, envelopeId, ret, smtpUtf8, eightBit, recipients, true);
  }

  /** This entry with every pending recipient due at {@code when}. */
  public QueueEntry dueAt(Instant when) {
    return new QueueEntry(
        id,
        sender,
        arrived,
        envelopeId,
        ret,
        smtpUtf8,
        eightBit,
        recipients.stream().map(r -> r.isPending() ? r.dueAt(when) : r).toList(),
        delayReported);
  }
}
