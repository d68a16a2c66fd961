package dev.yubin.ejb.submission.application;

import dev.yubin.ejb.accounts.application.addressing.Resolution;
import dev.yubin.ejb.kernel.Outcome;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Where the end of DATA sends a message, recipient by recipient.
 *
 * @param mailboxes each local mailbox once, with the forward-path that first led to it (for the
 *     Received header's "for")
 * @param remote the addresses in other domains, each once
 * @param refused forward-paths that can never be delivered (the address book changed since RCPT, or
 *     a filter added them), with the refusal RCPT would have given
 * @param deferral a temporary failure that holds up the whole message, if any
 */
record Routes(
    Map<String, String> mailboxes,
    Set<String> remote,
    Map<String, Outcome> refused,
    Optional<Outcome> deferral) {

  static Routes of(List<String> recipients, Function<String, Resolution> resolve) {
    Map<String, String> mailboxes = new LinkedHashMap<>();
    Set<String> remote = new LinkedHashSet<>();
    Map<String, Outcome> refused = new LinkedHashMap<>();
    for (String recipient : recipients) {
      Resolution resolution = resolve.apply(recipient);
      Optional<Outcome> refusal = refusal(recipient, resolution.outcome());
      if (refusal.isEmpty()) {
        resolution.mailboxes().forEach(m -> mailboxes.putIfAbsent(m, recipient));
        remote.addAll(resolution.remote());
      } else if (refusal.get().isPermanentFailure()) {
        refused.putIfAbsent(recipient, refusal.get());
      } else {
        return new Routes(Map.of(), Set.of(), Map.of(), refusal);
      }
    }
    return new Routes(mailboxes, remote, refused, Optional.empty());
  }

  /**
   * What a recipient that resolved to {@code outcome} is told; empty when it has somewhere to go (a
   * local delivery, or another domain, which is a relay decision).
   */
  static Optional<Outcome> refusal(String forwardPath, Resolution.Outcome outcome) {
    return Optional.ofNullable(
        switch (outcome) {
          case DELIVER, NOT_LOCAL -> null;
          case INVALID -> Outcome.permanentFailure("5.1.3", "Bad recipient address syntax");
          case UNKNOWN ->
              Outcome.permanentFailure(
                  "5.1.1", "<" + forwardPath + ">: Recipient address rejected: User unknown");
          case DEAD_END ->
              // The admin API refuses such aliases, but a later change (a removed target) can
              // leave one; the log names the problems.
              Outcome.permanentFailure(
                  "5.4.6",
                  "<" + forwardPath + ">: Recipient address rejected: alias loop or dead end");
          case NO_POSTMASTER ->
              Outcome.temporaryFailure(
                  "4.3.5", "<" + forwardPath + ">: No local domain for the postmaster");
        });
  }
}
