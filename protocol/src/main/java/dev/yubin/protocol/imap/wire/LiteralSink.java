package dev.yubin.protocol.imap.wire;

/**
 * Receives a large literal as it arrives (APPEND's message), so that memory stays bounded whatever
 * its size. Implementations spool to disk.
 */
public interface LiteralSink {

  void write(byte[] bytes, int offset, int length);

  /** Drops the content; safe to call more than once. */
  void discard();
}
