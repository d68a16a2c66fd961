package dev.yubin.protocol;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Where an engine puts what the client should receive. The transport carries the writes out in
 * order after the engine returns; an engine never blocks on the network.
 */
public interface Output {

  /** Appends raw bytes. */
  void write(byte[] bytes);

  /** Appends the content of a stream, read by the transport after the preceding writes. */
  void write(InputStream content);

  /** Closes the connection once everything written so far has been sent. */
  void close();

  /**
   * Starts TLS, as the server, once everything written so far has been sent (RFC 3207, RFC 2595).
   * The engine must discard any input that arrived before the handshake (RFC 3207 §4.2).
   */
  void startTls();

  /**
   * Compresses the connection both ways with raw DEFLATE (RFC 1951) once everything written so far
   * has been sent (RFC 4978). The client compresses from the first octet after the line that asked
   * for it, so the transport feeds the engine no further than that line in the same call and
   * inflates whatever followed it.
   */
  void startCompression();

  /** Appends one protocol line, terminated by CRLF. */
  default void writeLine(String line) {
    write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
  }
}
