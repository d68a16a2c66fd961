package dev.yubin.ejb.platform.infrastructure.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Forces a folder's entries to disk. Forcing a file records its content, not its name: a file
 * created, renamed or removed in a folder (and a folder created in one) survives a crash only once
 * that folder is forced too (ADR 3).
 */
@FunctionalInterface
public interface DirectorySync {

  /** The real thing: an fsync of the folder. */
  DirectorySync FSYNC =
      folder -> {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
          channel.force(true);
        }
      };

  /** Forces the entries of {@code folder} to disk. */
  void force(Path folder) throws IOException;

  /**
   * Creates {@code folder} and its missing parents (0700, see {@link OwnerOnly}), forcing the
   * parent of each folder created, so that a file stored in it afterwards cannot be lost with its
   * folder.
   */
  default void createDirectories(Path folder) throws IOException {
    Deque<Path> missing = new ArrayDeque<>();
    for (Path p = folder.toAbsolutePath().normalize();
        p != null && !Files.isDirectory(p);
        p = p.getParent()) {
      missing.push(p);
    }
    for (Path created : missing) { // outermost first
      try {
        OwnerOnly.createDirectory(created);
      } catch (FileAlreadyExistsException e) {
        if (!Files.isDirectory(created)) {
          throw e;
        }
      }
      force(created.getParent());
    }
  }
}
