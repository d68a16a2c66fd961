package dev.yubin.protocol;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** An {@link Output} that keeps what the engine wrote, for tests. */
public final class RecordingOutput implements Output {

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private boolean closed;
  private boolean tlsRequested;
  private boolean compressionRequested;

  @Override
  public void write(byte[] data) {
    if (closed) {
      throw new IllegalStateException("write after close");
    }
    bytes.writeBytes(data);
  }

  @Override
  public void write(InputStream content) {
    try (content) {
      write(content.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    closed = true;
  }

  @Override
  public void startTls() {
    tlsRequested = true;
  }

  /** Whether the engine asked for TLS since the last call; clears the flag. */
  public boolean takeTlsRequest() {
    boolean requested = tlsRequested;
    tlsRequested = false;
    return requested;
  }

  @Override
  public void startCompression() {
    compressionRequested = true;
  }

  /** Whether the engine asked for compression since the last call; clears the flag. */
  public boolean takeCompressionRequest() {
    boolean requested = compressionRequested;
    compressionRequested = false;
    return requested;
  }

  public boolean isClosed() {
    return closed;
  }

  public byte[] bytes() {
    return bytes.toByteArray();
  }

  /** Everything written so far as CRLF-separated lines; takes them out of the record. */
  public List<String> takeLines() {
    String text = bytes.toString(StandardCharsets.UTF_8);
    bytes.reset();
    List<String> lines = new ArrayList<>();
    int start = 0;
    int end;
    while ((end = text.indexOf("\r\n", start)) >= 0) {
      lines.add(text.substring(start, end));
      start = end + 2;
    }
    if (start < text.length()) {
      lines.add(text.substring(start) + "<no CRLF>");
    }
    return lines;
  }
}
