package dev.yubin.ejb.mailbox.infrastructure;

import dev.yubin.ejb.mailbox.application.ContentFiles;
import dev.yubin.ejb.platform.config.YubinSettings;
import dev.yubin.ejb.platform.infrastructure.store.ContentKey;
import dev.yubin.ejb.platform.infrastructure.store.OwnerOnly;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Message content as files under {@code <data>/blobs/<xx>/<key>}, one file per content whatever the
 * folders that hold it (ADR 0009). A file is written to a temporary name, forced, renamed into
 * place and its folder forced before {@link #store} returns; the 256 folders are made (and their
 * parent forced) once at start, so no new folder ever needs forcing.
 */
@ApplicationScoped
public class BlobFiles implements ContentFiles {

  static final String ROOT = "blobs";
  static final String LOST_AND_FOUND = "lost+found";

  @Inject YubinSettings settings;

  private Path data;

  @PostConstruct
  void open() {
    open(settings.dataDirectory());
  }

  void open(Path dataDirectory) {
    data = dataDirectory;
    try {
      Path root = OwnerOnly.createDirectories(data.resolve(ROOT));
      for (int i = 0; i < 256; i++) {
        OwnerOnly.createDirectories(root.resolve(HexFormat.of().toHexDigits((byte) i)));
      }
      force(root);
      force(data);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the content folders in " + data, e);
    }
  }

  @Override
  public Stored store(byte[] prefix, Path source, long offset) throws IOException {
    String key = ContentKey.next();
    String path = pathOf(key);
    Path file = data.resolve(path);
    Path temporary = file.resolveSibling("." + key + ".tmp");
    long size;
    try (FileChannel channel = OwnerOnly.newFile(temporary)) {
      OutputStream out = Channels.newOutputStream(channel);
      out.write(prefix);
      try (InputStream in = Files.newInputStream(source)) {
        in.skipNBytes(offset);
        size = prefix.length + in.transferTo(out);
      }
      out.flush();
      channel.force(true);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temporary);
      throw e;
    }
    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
    force(file.getParent());
    return new Stored(key, path, size);
  }

  @Override
  public InputStream open(String path, long offset, long length) throws IOException {
    Path file = resolve(path);
    if (!Files.isRegularFile(file)) {
      // a missing file is known now, while the caller can still answer for that message alone
      throw new NoSuchFileException(file.toString());
    }
    return new Range(file, offset, length);
  }

  @Override
  public InputStream open(String path) throws IOException {
    return Files.newInputStream(resolve(path));
  }

  @Override
  public boolean delete(String path) throws IOException {
    Path file = resolve(path);
    try {
      Files.delete(file);
    } catch (NoSuchFileException e) {
      return false;
    }
    force(file.getParent());
    return true;
  }

  @Override
  public boolean exists(String path) {
    return Files.exists(resolve(path));
  }

  @Override
  public void setAside(String path) throws IOException {
    Path file = resolve(path);
    Path lostAndFound = OwnerOnly.createDirectories(data.resolve(LOST_AND_FOUND));
    force(data);
    Files.move(file, lostAndFound.resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
    force(lostAndFound);
    force(file.getParent());
  }

  @Override
  public List<String> scan() throws IOException {
    List<String> paths = new ArrayList<>();
    try (Stream<Path> folders = Files.list(data.resolve(ROOT))) {
      for (Path folder : folders.toList()) {
        try (Stream<Path> files = Files.list(folder)) {
          for (Path file : files.toList()) {
            String name = file.getFileName().toString();
            if (name.startsWith(".")) {
              Files.deleteIfExists(file);
            } else if (ContentKey.isValid(name)) {
              paths.add(data.relativize(file).toString());
            }
          }
        }
      }
    }
    return paths;
  }

  /** Where the content of {@code key} lives, relative to the data directory. */
  static String pathOf(String key) {
    String folder = HexFormat.of().toHexDigits((byte) key.hashCode());
    return ROOT + "/" + folder + "/" + key;
  }

  private Path resolve(String path) {
    Path file = data.resolve(path).normalize();
    if (!file.startsWith(data)) {
      throw new IllegalArgumentException("not a content path: " + path);
    }
    return file;
  }

  private static void force(Path directory) throws IOException {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }

  /** At most {@code remaining} octets of a stream. */
  /**
   * {@code length} octets of a file from {@code offset}, opened at the first read: a FETCH of many
   * bodies queues a stream per message before the transport writes the first, and must not hold a
   * file descriptor for each meanwhile. {@link #available} counts nothing past the range (Netty's
   * ChunkedStream takes a positive count for more to come).
   */
  private static final class Range extends InputStream {

    private final Path file;
    private final long offset;
    private long remaining;
    private FileChannel channel;
    private InputStream in;

    Range(Path file, long offset, long length) {
      this.file = file;
      this.offset = offset;
      this.remaining = length;
    }

    private InputStream in() throws IOException {
      if (in == null) {
        channel = FileChannel.open(file, StandardOpenOption.READ);
        channel.position(offset);
        in = Channels.newInputStream(channel);
      }
      return in;
    }

    @Override
    public int read() throws IOException {
      if (remaining <= 0) {
        return -1;
      }
      int b = in().read();
      if (b >= 0) {
        remaining--;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int off, int length) throws IOException {
      if (remaining <= 0) {
        return -1;
      }
      int n = in().read(buffer, off, (int) Math.min(length, remaining));
      if (n > 0) {
        remaining -= n;
      }
      return n;
    }

    @Override
    public int available() throws IOException {
      if (remaining <= 0) {
        return 0;
      }
      return (int) Math.min(Math.max(0, channel().size() - channel.position()), remaining);
    }

    private FileChannel channel() throws IOException {
      in();
      return channel;
    }

    @Override
    public void close() throws IOException {
      remaining = 0;
      if (channel != null) {
        channel.close();
      }
    }
  }
}
