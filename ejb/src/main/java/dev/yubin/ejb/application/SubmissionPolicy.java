package dev.yubin.ejb.application;

import dev.yubin.protocol.Reply;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who may send as whom (RFC 6409 §6.1): an authenticated user's MAIL FROM must be their own
 * address, unless {@code yubin.submission.sender-must-match} is false. Mail from MX clients (no
 * authentication) is not restricted here.
 */
@ApplicationScoped
public class SubmissionPolicy {

  private static final Reply OK = Reply.of(250, "2.1.0", "Ok");

  @Inject
  @ConfigProperty(name = "yubin.submission.sender-must-match", defaultValue = "true")
  boolean senderMustMatch;

  public Reply checkSender(String authenticatedUser, String reversePath) {
    if (authenticatedUser == null || !senderMustMatch) {
      return OK;
    }
    boolean own =
        Address.parse(reversePath)
            .map(a -> a.toString().equals(authenticatedUser.toLowerCase(java.util.Locale.ROOT)))
            .orElse(false);
    if (!own) {
      return Reply.of(
          553,
          "5.7.1",
          "<" + reversePath + ">: Sender address rejected: not owned by user " + authenticatedUser);
    }
    return OK;
  }
}
