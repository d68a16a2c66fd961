package dev.yubin.ejb.platform.infrastructure.store;

import dev.yubin.ejb.submission.application.SpooledMessage;
import dev.yubin.protocol.smtp.MessageSink;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/** A message arriving by DATA, written to a file in the spool so that memory stays bounded. */
public final class SpoolFile implements MessageSink, SpooledMessage {

  private static final Logger LOG = Logger.getLogger(SpoolFile.class.getName());

  private final String queueId;
  private final Path path;
  private OutputStream out;
  private boolean created;
  private long size;

  SpoolFile(String queueId, Path path) {
    this.queueId = queueId;
    this.path = path;
  }

  @Override
  public String queueId() {
    return queueId;
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    if (out == null) {
      out = new BufferedOutputStream(newOutputStream(), 64 * 1024);
    }
    out.write(bytes, offset, length);
    size += length;
  }

  @Override
  public long size() {
    return size;
  }

  /** Finishes writing; the content is then readable from {@link #path()}. */
  @Override
  public Path finish() {
    try {
      if (out == null && !created) {
        newOutputStream().close(); // nothing written: an empty message
      } else if (out != null) {
        out.close();
        out = null;
      }
      return path;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Creates the file (owner only) to be written by other means than {@link #write}. */
  @Override
  public OutputStream newOutputStream() throws IOException {
    OutputStream stream = Channels.newOutputStream(OwnerOnly.newFile(path));
    created = true;
    return stream;
  }

  public Path path() {
    return path;
  }

  @Override
  public void discard() {
    try {
      if (out != null) {
        out.close();
        out = null;
      }
      Files.deleteIfExists(path);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "cannot remove spool file " + path, e);
    }
  }
}
