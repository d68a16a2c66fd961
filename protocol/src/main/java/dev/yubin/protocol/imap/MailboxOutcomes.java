package dev.yubin.protocol.imap;

import dev.yubin.protocol.imap.backend.MailboxOutcome;

/** Tagged completions for the backend's verdicts on mailbox-list changes (RFC 5530 codes). */
final class MailboxOutcomes {

  private MailboxOutcomes() {}

  static Completion completion(MailboxOutcome outcome, String command) {
    return switch (outcome) {
      case OK -> Completion.ok(command + " completed");
      case NONEXISTENT -> Completion.no("NONEXISTENT", "No such mailbox");
      case ALREADY_EXISTS -> Completion.no("ALREADYEXISTS", "Mailbox already exists");
      case INVALID_NAME -> Completion.no("CANNOT", "Invalid mailbox name");
      case NOT_ALLOWED -> Completion.no("CANNOT", command + " not allowed for this mailbox");
      case BAD_SPECIAL_USE -> Completion.no("USEATTR", "Unsupported special-use attribute");
      case LIMIT -> Completion.no("LIMIT", "Too many mailboxes");
    };
  }
}
