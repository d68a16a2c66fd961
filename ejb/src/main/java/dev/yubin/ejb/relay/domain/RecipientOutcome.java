package dev.yubin.ejb.relay.domain;

import java.util.Objects;

/**
 * What one attempt achieved for one recipient: delivered, deferred (still pending) or failed for
 * good, with the reply that decided it kept as data for the DSN's Diagnostic-Code and the delivery
 * log.
 *
 * @param state delivered, pending (a temporary failure) or failed (a permanent one)
 * @param status the enhanced status (RFC 3463), e.g. {@code 5.1.1}
 * @param reply the deciding reply as one line, code first, verbatim when the remote host gave it
 *     (e.g. {@code 550 5.1.1 no such user}); or a reason made here
 * @param remoteHost the next hop that gave {@code reply} (the DSN's Remote-MTA); {@code null} when
 *     the reply was made here
 * @param dsnPassedOn whether the next hop that took the message offers DSN, so reports on it are
 *     its business (RFC 3461 §6.2.7.2)
 */
public record RecipientOutcome(
    RecipientState state, String status, String reply, String remoteHost, boolean dsnPassedOn) {

  public RecipientOutcome {
    Objects.requireNonNull(state, "state");
  }

  public RecipientOutcome(RecipientState state, String status, String reply, String remoteHost) {
    this(state, status, reply, remoteHost, false);
  }
}
