package dev.yubin.ejb.reports.domain;

import dev.yubin.ejb.kernel.OriginalRecipient;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One recipient as a DSN reports it: its per-recipient fields.
 *
 * @param address the envelope recipient (Final-Recipient), without angle brackets
 * @param originalRecipient ORCPT (Original-Recipient), or null when the sender gave none
 * @param action what became of the recipient
 * @param status the enhanced status code (RFC 3463), {@code class.subject.detail}: 2 for the
 *     success actions, 4 for delayed, 5 (or 4, when retries expired) for failed
 * @param remoteMta the host that gave the diagnostic (Remote-MTA), or null when none did
 * @param diagnostic the remote reply or our own explanation (Diagnostic-Code), or null
 * @param lastAttempt when delivery was last attempted (Last-Attempt-Date), or null
 * @param willRetryUntil for delayed recipients, when we give up (Will-Retry-Until), or null
 * @see "RFC 3464 §2.3"
 */
public record ReportedRecipient(
    String address,
    OriginalRecipient originalRecipient,
    DsnAction action,
    String status,
    String remoteMta,
    Diagnostic diagnostic,
    Instant lastAttempt,
    Instant willRetryUntil) {

  private static final Pattern STATUS = Pattern.compile("([245])\\.\\d{1,3}\\.\\d{1,3}");

  public ReportedRecipient {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(status, "status");
    if (address.isEmpty() || address.chars().anyMatch(c -> c < ' ' || c == 127)) {
      throw new IllegalArgumentException("not a recipient address: " + address);
    }
    var m = STATUS.matcher(status);
    if (!m.matches()) {
      throw new IllegalArgumentException("not an enhanced status code: " + status);
    }
    char statusClass = m.group(1).charAt(0);
    boolean consistent =
        switch (action) {
          case FAILED -> statusClass == '5' || statusClass == '4';
          case DELAYED -> statusClass == '4';
          case DELIVERED, RELAYED, EXPANDED -> statusClass == '2';
        };
    if (!consistent) {
      throw new IllegalArgumentException("status " + status + " does not fit action " + action);
    }
    if (remoteMta != null && (remoteMta.isBlank() || remoteMta.chars().anyMatch(c -> c <= ' '))) {
      throw new IllegalArgumentException("not a host name: " + remoteMta);
    }
  }

  /** A failed recipient: the remote server's reply, or (remoteMta null) our own explanation. */
  public static ReportedRecipient failed(
      String address, String status, String remoteMta, Diagnostic diagnostic, Instant lastAttempt) {
    return new ReportedRecipient(
        address, null, DsnAction.FAILED, status, remoteMta, diagnostic, lastAttempt, null);
  }

  /** A recipient still being retried until {@code willRetryUntil}. */
  public static ReportedRecipient delayed(
      String address,
      String status,
      String remoteMta,
      Diagnostic diagnostic,
      Instant lastAttempt,
      Instant willRetryUntil) {
    return new ReportedRecipient(
        address,
        null,
        DsnAction.DELAYED,
        status,
        remoteMta,
        diagnostic,
        lastAttempt,
        willRetryUntil);
  }

  /** The same recipient with its ORCPT. */
  public ReportedRecipient withOriginalRecipient(OriginalRecipient orcpt) {
    return new ReportedRecipient(
        address, orcpt, action, status, remoteMta, diagnostic, lastAttempt, willRetryUntil);
  }
}
