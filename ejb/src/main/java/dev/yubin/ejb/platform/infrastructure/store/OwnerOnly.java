package dev.yubin.ejb.platform.infrastructure.store;

import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Files and folders under the data directory belong to the server's user alone: folders are created
 * 0700 and files 0600 from the start, whatever the process umask (the EAR runs under a server's),
 * so mail, queue and secrets are never readable by other local users, not even for a moment.
 */
public final class OwnerOnly {

  static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
  static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");

  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  private OwnerOnly() {}

  /** Creates a folder and its missing parents, each 0700. */
  public static Path createDirectories(Path folder) throws IOException {
    return Files.createDirectories(folder, attributes(FOLDER));
  }

  /** Creates one folder 0700; its parent must exist. */
  public static Path createDirectory(Path folder) throws IOException {
    return Files.createDirectory(folder, attributes(FOLDER));
  }

  /**
   * Creates the data directory 0700, or takes group and others' access away from an existing one.
   *
   * @return whether an existing folder was opened to others before
   */
  public static boolean secureFolder(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      createDirectories(folder);
      return false;
    }
    if (!POSIX || Files.getPosixFilePermissions(folder).equals(FOLDER)) {
      return false;
    }
    Files.setPosixFilePermissions(folder, FOLDER);
    return true;
  }

  /** Opens a new file 0600 for writing; it must not exist. */
  public static FileChannel newFile(Path file) throws IOException {
    return FileChannel.open(
        file,
        EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
        attributes(FILE));
  }

  /** Opens a file for writing, created 0600 when missing, emptied when present. */
  public static FileChannel replaceFile(Path file) throws IOException {
    Set<OpenOption> options =
        Set.of(
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE);
    return FileChannel.open(file, options, attributes(FILE));
  }

  /**
   * Writes {@code content} as the whole of {@code file}, atomically: a 0600 temporary file beside
   * it is written, forced to disk and renamed over it, so the file is never seen half-written or
   * open to others.
   */
  public static void write(Path file, byte[] content) throws IOException {
    Path temporary = file.resolveSibling("." + file.getFileName() + ".tmp");
    Files.deleteIfExists(temporary); // left by a crash, maybe with other permissions
    try (FileChannel channel = newFile(temporary)) {
      Channels.newOutputStream(channel).write(content);
      channel.force(true);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temporary);
      throw e;
    }
    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
  }

  private static FileAttribute<?>[] attributes(Set<PosixFilePermission> permissions) {
    return POSIX
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)}
        : new FileAttribute<?>[0];
  }
}
