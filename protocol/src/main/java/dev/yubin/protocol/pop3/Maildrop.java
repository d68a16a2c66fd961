package dev.yubin.protocol.pop3;

import java.util.List;

/**
 * A snapshot of a maildrop taken when the session enters TRANSACTION.
 *
 * @param locked true when another session holds the maildrop; then {@code messages} is empty
 * @param messages the messages in order; message number n is {@code messages.get(n - 1)}
 */
public record Maildrop(boolean locked, List<Message> messages) {

  public Maildrop {
    messages = List.copyOf(messages);
  }

  public static Maildrop lockedByAnother() {
    return new Maildrop(true, List.of());
  }

  /**
   * One message.
   *
   * @param id the store's identifier, passed back to retrieve and expunge
   * @param size the exact size in octets as RETR sends it (before dot-stuffing)
   * @param uid the unique-id listing (RFC 1939 §7): 1-70 chars 0x21-0x7E, stable across sessions
   */
  public record Message(String id, long size, String uid) {}
}
