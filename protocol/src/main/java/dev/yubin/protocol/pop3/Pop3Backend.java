package dev.yubin.protocol.pop3;

import dev.yubin.protocol.sasl.ScramCredentials;
import java.io.InputStream;
import java.util.List;

/**
 * What the POP3 engine asks of the mail store. In the server this is the resource adapter's
 * message-listener interface, implemented by an MDB; in tests it lives in memory.
 */
public interface Pop3Backend {

  /**
   * USER/PASS, AUTH PLAIN and LOGIN: checks the credentials; the principal names the maildrop from
   * then on.
   */
  Pop3Login login(String user, String password, String clientAddress);

  /**
   * AUTH SCRAM-SHA-256 (RFC 7677): the user's verifier, derived from the stored PBKDF2-HMAC-SHA256
   * hash, or null if there is no such user.
   */
  ScramCredentials scramCredentials(String user, String clientAddress);

  /**
   * Enters the TRANSACTION state: locks the maildrop exclusively (RFC 1939 §8) and lists it. A
   * maildrop already locked by another session answers {@link Maildrop#locked()}.
   */
  Maildrop openMaildrop(String principal);

  /** The full content of one message, or null if it no longer exists. */
  InputStream retrieve(String principal, String messageId);

  /** The UPDATE state: removes the messages marked deleted. Answers whether all were removed. */
  boolean expunge(String principal, List<String> messageIds);

  /**
   * The messages the session sent whole with RETR (not TOP) and did not delete, once it ends (after
   * QUIT's expunge, or without QUIT): the store marks them seen, as Dovecot does. RSET forgets
   * them. Called only when there are some; the default ignores them.
   */
  default void markSeen(String principal, List<String> messageIds) {}

  /** Releases the lock taken by {@link #openMaildrop}. */
  void closeMaildrop(String principal);
}
