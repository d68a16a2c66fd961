package dev.yubin.ejb.mailbox.application;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Where message content lives: files written durably before any transaction references them (ADR
 * 0003), read by byte range, removed after the last reference went.
 */
public interface ContentFiles {

  /** A file stored durably. */
  record Stored(String key, String path, long size) {}

  /**
   * Writes {@code prefix} followed by {@code source} from {@code offset} on as a new content file,
   * forced to disk before returning.
   */
  Stored store(byte[] prefix, Path source, long offset) throws IOException;

  /** {@code length} octets from {@code offset} of a content file. */
  InputStream open(String path, long offset, long length) throws IOException;

  /** The whole content file. */
  InputStream open(String path) throws IOException;

  /** Removes a content file durably; false if it was already gone. */
  boolean delete(String path) throws IOException;

  /** Whether the content file is there. */
  boolean exists(String path);

  /**
   * Every content file written by {@link #store} (paths as stored), for start-up recovery; files
   * whose writing was interrupted before the rename are removed on the way.
   */
  List<String> scan() throws IOException;

  /**
   * Moves a content file that no row references out of the store into {@code lost+found/} under the
   * data directory, durably: kept for the administrator, never delivered twice.
   */
  void setAside(String path) throws IOException;
}
