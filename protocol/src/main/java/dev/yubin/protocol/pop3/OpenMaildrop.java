package dev.yubin.protocol.pop3;

import dev.yubin.protocol.pop3.Maildrop.Message;
import java.util.BitSet;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The maildrop of a session in TRANSACTION: the snapshot taken at login, the messages marked
 * deleted and those RETR sent. Message numbers stay fixed for the session, deleted or not (RFC 1939
 * §5).
 */
final class OpenMaildrop {

  /** A message with its number in the session (1-based). */
  record Numbered(int number, Message message) {}

  private final String principal;
  private final List<Message> messages;
  private final BitSet deleted = new BitSet();
  private final BitSet retrieved = new BitSet();

  OpenMaildrop(String principal, Maildrop snapshot) {
    this.principal = principal;
    this.messages = snapshot.messages();
  }

  String principal() {
    return principal;
  }

  /**
   * The message a client refers to by number. Numbers out of range and deleted messages are errors
   * (RFC 1939 §5).
   */
  Numbered find(String numberArgument) {
    int number = Pop3Arguments.messageNumber(numberArgument);
    if (number < 1 || number > messages.size()) {
      throw new Pop3CommandException("no such message");
    }
    if (deleted.get(number - 1)) {
      throw new Pop3CommandException("message " + number + " already deleted");
    }
    return new Numbered(number, messages.get(number - 1));
  }

  /** The messages not marked deleted, in order. */
  List<Numbered> remaining() {
    return IntStream.range(0, messages.size())
        .filter(i -> !deleted.get(i))
        .mapToObj(i -> new Numbered(i + 1, messages.get(i)))
        .toList();
  }

  int remainingCount() {
    return messages.size() - deleted.cardinality();
  }

  /** The total size in octets of the messages not marked deleted. */
  long remainingSize() {
    return IntStream.range(0, messages.size())
        .filter(i -> !deleted.get(i))
        .mapToLong(i -> messages.get(i).size())
        .sum();
  }

  void markDeleted(Numbered message) {
    deleted.set(message.number() - 1);
  }

  /** RETR sent the whole message. */
  void markRetrieved(Numbered message) {
    retrieved.set(message.number() - 1);
  }

  /** RSET: every deletion mark goes (RFC 1939 §5), and, as in Dovecot, every retrieval. */
  void unmarkAll() {
    deleted.clear();
    retrieved.clear();
  }

  /** The store ids of the messages marked deleted, for the UPDATE state. */
  List<String> deletedIds() {
    return deleted.stream().mapToObj(i -> messages.get(i).id()).toList();
  }

  /** The store ids of the messages RETR sent and not marked deleted, for the store to mark seen. */
  List<String> retrievedIds() {
    BitSet kept = (BitSet) retrieved.clone();
    kept.andNot(deleted);
    return kept.stream().mapToObj(i -> messages.get(i).id()).toList();
  }

  /** How the maildrop stands, e.g. {@code 2 messages (320 octets)}. */
  String summary() {
    return remainingCount() + " messages (" + remainingSize() + " octets)";
  }
}
