package dev.yubin.protocol.imap.backend;

import java.util.Set;

/**
 * One mailbox as LIST shows it.
 *
 * @param name the full Unicode name, {@code /}-delimited
 * @param specialUse its RFC 6154 attributes, e.g. {@code \Sent}; empty for none
 * @param subscribed whether the principal subscribed to it
 */
public record MailboxEntry(String name, Set<String> specialUse, boolean subscribed) {

  public MailboxEntry {
    specialUse = Set.copyOf(specialUse);
  }
}
