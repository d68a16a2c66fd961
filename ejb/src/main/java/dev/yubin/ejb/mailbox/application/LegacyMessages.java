package dev.yubin.ejb.mailbox.application;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The first store's messages (ADR 0003: one INBOX per account, a row per file) that are still to
 * move into the mailbox store. Their files stay where they are: content paths are relative to the
 * data directory (ADR 0009).
 */
public interface LegacyMessages {

  /**
   * One message of the first store.
   *
   * @param id the row's id: the order of arrival
   * @param key the file's name, which was its POP3 unique id
   * @param path the file, relative to the data directory
   */
  record Legacy(
      long id, String owner, String key, String path, long size, OffsetDateTime receivedAt) {}

  /** Whether every message has moved (then the first store is not looked at again). */
  boolean finished();

  /**
   * What the first store's own recovery did at start-up: a file without a row gets one (received at
   * its modification time), a row without a file goes. Files already moved are left alone.
   */
  void reconcile();

  /** Up to {@code limit} messages with an id above {@code afterId}, ascending. */
  List<Legacy> after(long afterId, int limit);

  /** Removes a moved message's row, in the caller's transaction. */
  void remove(Legacy message);

  /** Records that every message has moved. */
  void markFinished();
}
