package dev.yubin.ejb.submission.application;

import dev.yubin.ejb.accounts.application.Addressing;
import dev.yubin.ejb.kernel.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who may send as whom (RFC 6409 §6.1): an authenticated user's MAIL FROM must be an address that
 * reaches the user's own mailbox — the user's address, a subaddress of it, or an alias that expands
 * to the user (Postfix's {@code reject_sender_login_mismatch} with the alias table as login map) —
 * unless {@code yubin.submission.sender-must-match} is false. A catch-all does not make a domain's
 * unknown addresses the user's own. Mail from MX clients (no authentication) is not restricted
 * here.
 */
@ApplicationScoped
@Transactional
public class SubmissionPolicy {

  private static final Outcome OK = Outcome.accepted("2.1.0", "Ok");

  @Inject
  @ConfigProperty(name = "yubin.submission.sender-must-match", defaultValue = "true")
  boolean senderMustMatch;

  @Inject Addressing addressing;

  public Outcome checkSender(String authenticatedUser, String reversePath) {
    if (authenticatedUser == null || !senderMustMatch) {
      return OK;
    }
    if (!addressing.resolver().reaches(reversePath, authenticatedUser)) {
      return Outcome.permanentFailure(
          "5.7.1",
          "<" + reversePath + ">: Sender address rejected: not owned by user " + authenticatedUser);
    }
    return OK;
  }
}
