package dev.yubin.ejb.relay.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * One recipient of a queued message.
 *
 * @param address the forward-path
 * @param notifyOn the DSN NOTIFY values (RFC 3461 §4.1), empty when not given
 * @param originalRecipient the DSN ORCPT value ({@code rfc822;addr}), or null
 * @param state pending, delivered or failed
 * @param attempts how many delivery attempts were made
 * @param nextAttempt when to try again (for pending recipients)
 * @param lastStatus the last enhanced status code, e.g. {@code 4.4.1}, or null
 * @param lastError the last diagnostic (the remote reply or our reason), or null
 * @param remoteMta the host that gave the last reply, or null
 */
public record QueuedRecipient(
    String address,
    Set<String> notifyOn,
    String originalRecipient,
    RecipientState state,
    int attempts,
    Instant nextAttempt,
    String lastStatus,
    String lastError,
    String remoteMta) {

  public QueuedRecipient {
    Objects.requireNonNull(address, "address");
    notifyOn = Set.copyOf(notifyOn);
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(nextAttempt, "nextAttempt");
  }

  /** A new recipient, to be tried at once. */
  public static QueuedRecipient pending(
      String address, Set<String> notify, String originalRecipient, Instant now) {
    return new QueuedRecipient(
        address, notify, originalRecipient, RecipientState.PENDING, 0, now, null, null, null);
  }

  /** This recipient after an attempt. */
  public QueuedRecipient attempted(
      RecipientState outcome, Instant next, String status, String error, String remote) {
    return new QueuedRecipient(
        address, notifyOn, originalRecipient, outcome, attempts + 1, next, status, error, remote);
  }

  /** This recipient to be tried now (an operator's "retry"). */
  public QueuedRecipient dueAt(Instant when) {
    return new QueuedRecipient(
        address,
        notifyOn,
        originalRecipient,
        state,
        attempts,
        when,
        lastStatus,
        lastError,
        remoteMta);
  }

  public boolean isPending() {
    return state == RecipientState.PENDING;
  }
}
