package dev.yubin.ejb.accounts.application.addressing;

import java.util.List;

/**
 * What one recipient address stands for.
 *
 * @param outcome how resolution ended
 * @param mailboxes the local mailboxes (account addresses, or the {@code postmaster@domain}
 *     maildrop) that get a copy, each once, in the order found
 * @param remote the addresses in other domains that aliases forward to, each once
 * @param problems what was skipped on the way (alias loops, too deep nesting, targets that lead
 *     nowhere), for the log; an alias that still reaches someone is delivered to them
 */
public record Resolution(
    Outcome outcome, List<String> mailboxes, List<String> remote, List<String> problems) {

  public Resolution {
    mailboxes = List.copyOf(mailboxes);
    remote = List.copyOf(remote);
    problems = List.copyOf(problems);
  }

  static Resolution of(Outcome outcome) {
    return new Resolution(outcome, List.of(), List.of(), List.of());
  }

  /** How resolution ended. */
  public enum Outcome {
    /** At least one mailbox or remote address: deliver. */
    DELIVER,
    /** Not an address ({@code 550 5.1.3}). */
    INVALID,
    /** The domain is not local: a relay question, not an addressing one. */
    NOT_LOCAL,
    /** A local domain, but nothing answers to the local part ({@code 550 5.1.1}). */
    UNKNOWN,
    /** The address is an alias, but its expansion reaches nobody (loops, nesting, dead ends). */
    DEAD_END,
    /**
     * The bare {@code postmaster} while there is no local domain and no {@code yubin.postmaster}.
     */
    NO_POSTMASTER
  }

  public boolean deliverable() {
    return outcome == Outcome.DELIVER;
  }
}
