package dev.yubin.protocol.smtp;

import java.io.IOException;

/**
 * Receives the content of one message during DATA, after dot-unstuffing, with CRLF line ends.
 * Implementations spool to disk so that memory stays bounded whatever the message size.
 */
public interface MessageSink {

  void write(byte[] bytes, int offset, int length) throws IOException;

  /** Bytes written so far. */
  long size();

  /** Drops the content (aborted transaction). Safe to call more than once. */
  void discard();
}
