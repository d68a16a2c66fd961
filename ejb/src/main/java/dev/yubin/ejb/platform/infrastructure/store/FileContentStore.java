package dev.yubin.ejb.platform.infrastructure.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Message files under the data directory: {@code spool/} for content in transit and {@code
 * mail/<owner>/<mailbox>/<key>} for delivered messages. A stored file is written to a temporary
 * name, forced to disk, renamed into place, and its folder forced too (and the parent of a folder
 * made for it), before the caller may say 250: after a crash a message is either wholly there or
 * not at all.
 */
public final class FileContentStore {

  private final Path spool;
  private final Path mail;
  private final DirectorySync sync;

  public FileContentStore(Path dataDirectory) {
    this(dataDirectory, DirectorySync.FSYNC);
  }

  FileContentStore(Path dataDirectory, DirectorySync sync) {
    this.spool = dataDirectory.resolve("spool");
    this.mail = dataDirectory.resolve("mail");
    this.sync = sync;
    try {
      sync.createDirectories(spool);
      sync.createDirectories(mail);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the content store in " + dataDirectory, e);
    }
  }

  /** A new spool file for a message about to arrive. */
  public SpoolFile newSpoolFile() {
    String queueId = ContentKey.next();
    return new SpoolFile(queueId, spool.resolve(queueId + ".spool"));
  }

  /** Removes spool files left by a crash: their senders never got a 250. */
  public int clearSpool() {
    try (Stream<Path> files = Files.list(spool)) {
      int removed = 0;
      for (Path file : files.toList()) {
        Files.deleteIfExists(file);
        removed++;
      }
      return removed;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Stores {@code header} followed by the content of {@code body} from {@code bodyOffset} on as a
   * new message, durably.
   *
   * @return the new message's key and size
   */
  public Stored store(String owner, String mailbox, byte[] header, Path body, long bodyOffset)
      throws IOException {
    Path folder = folder(owner, mailbox);
    sync.createDirectories(folder);
    String key = ContentKey.next();
    Path temporary = folder.resolve("." + key + ".tmp");
    long size;
    try (FileChannel channel = OwnerOnly.newFile(temporary)) {
      OutputStream out = Channels.newOutputStream(channel);
      out.write(header);
      try (InputStream in = Files.newInputStream(body)) {
        in.skipNBytes(bodyOffset);
        size = header.length + in.transferTo(out);
      }
      out.flush();
      channel.force(true);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temporary);
      throw e;
    }
    Files.move(temporary, folder.resolve(key), StandardCopyOption.ATOMIC_MOVE);
    sync.force(folder);
    return new Stored(key, size);
  }

  /** The content of a stored message. */
  public InputStream open(String owner, String mailbox, String key) throws IOException {
    return Files.newInputStream(file(owner, mailbox, key));
  }

  /** Where a stored message's file lies, relative to the data directory. */
  public String relativePath(String owner, String mailbox, String key) {
    return mail.getParent().relativize(file(owner, mailbox, key)).toString();
  }

  /** Whether the message file exists. */
  public boolean exists(String owner, String mailbox, String key) {
    return Files.exists(file(owner, mailbox, key));
  }

  /** Removes a message durably; answers false if it was already gone. */
  public boolean delete(String owner, String mailbox, String key) throws IOException {
    Path file = file(owner, mailbox, key);
    try {
      Files.delete(file);
    } catch (NoSuchFileException e) {
      return false;
    }
    sync.force(file.getParent());
    return true;
  }

  /** Every stored message, for rebuilding the index after a crash. */
  public List<Located> scan() throws IOException {
    List<Located> found = new ArrayList<>();
    try (Stream<Path> owners = Files.list(mail)) {
      for (Path ownerDir : owners.toList()) {
        String owner = URLDecoder.decode(ownerDir.getFileName().toString(), StandardCharsets.UTF_8);
        try (Stream<Path> mailboxes = Files.list(ownerDir)) {
          for (Path mailboxDir : mailboxes.toList()) {
            String mailbox =
                URLDecoder.decode(mailboxDir.getFileName().toString(), StandardCharsets.UTF_8);
            try (Stream<Path> files = Files.list(mailboxDir)) {
              for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.startsWith(".")) {
                  Files.deleteIfExists(file); // a store interrupted before its rename
                } else if (ContentKey.isValid(name)) {
                  found.add(
                      new Located(
                          owner,
                          mailbox,
                          name,
                          Files.size(file),
                          Files.getLastModifiedTime(file).toInstant().atOffset(ZoneOffset.UTC)));
                }
              }
            }
          }
        }
      }
    }
    return found;
  }

  private Path folder(String owner, String mailbox) {
    return mail.resolve(encode(owner.toLowerCase(Locale.ROOT))).resolve(encode(mailbox));
  }

  private Path file(String owner, String mailbox, String key) {
    if (!ContentKey.isValid(key)) {
      throw new IllegalArgumentException("not a content key: " + key);
    }
    return folder(owner, mailbox).resolve(key);
  }

  private static String encode(String name) {
    String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8);
    return encoded.startsWith(".") ? "%2E" + encoded.substring(1) : encoded;
  }

  /** A message just stored. */
  public record Stored(String key, long size) {}

  /** A message found on disk. */
  public record Located(
      String owner, String mailbox, String key, long size, OffsetDateTime modified) {}
}
