package dev.yubin.ejb.relay.application;

import dev.yubin.ejb.relay.domain.QueueEntry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where the outbound queue keeps its entries and their content, durably (a port: fsynced files
 * under the data directory in production, ADR 8).
 */
public interface QueueStore {

  /** Queues a message: {@code header}, then {@code body} from {@code bodyOffset}; durable. */
  void create(QueueEntry entry, byte[] header, Path body, long bodyOffset) throws IOException;

  /** Replaces an entry's envelope durably. */
  void save(QueueEntry entry) throws IOException;

  /** The entry, if it is queued and readable. */
  Optional<QueueEntry> load(String id) throws IOException;

  /** Every queued entry's id, oldest first. */
  List<String> ids() throws IOException;

  /** The content as queued. */
  InputStream open(String id) throws IOException;

  /** The content's size in bytes. */
  long size(String id) throws IOException;

  /** Removes an entry. */
  void delete(String id) throws IOException;
}
