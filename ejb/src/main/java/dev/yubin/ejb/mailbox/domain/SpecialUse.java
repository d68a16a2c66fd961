package dev.yubin.ejb.mailbox.domain;

import java.util.Locale;
import java.util.Optional;

/** Special-use mailboxes (RFC 6154); each account has one of each, created with it. */
public enum SpecialUse {
  SENT("Sent"),
  DRAFTS("Drafts"),
  TRASH("Trash"),
  JUNK("Junk"),
  ARCHIVE("Archive");

  private final String defaultName;

  SpecialUse(String defaultName) {
    this.defaultName = defaultName;
  }

  /** The name of the mailbox created for it. */
  public String defaultName() {
    return defaultName;
  }

  /** The attribute as IMAP writes it, e.g. {@code \Sent}. */
  public String attribute() {
    return "\\" + defaultName;
  }

  /** The use named by an attribute such as {@code \Sent} (case-insensitive). */
  public static Optional<SpecialUse> ofAttribute(String attribute) {
    for (SpecialUse use : values()) {
      if (use.attribute().toLowerCase(Locale.ROOT).equals(attribute.toLowerCase(Locale.ROOT))) {
        return Optional.of(use);
      }
    }
    return Optional.empty();
  }
}
