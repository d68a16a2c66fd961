package dev.yubin.protocol.smtp;

import dev.yubin.protocol.Reply;
import java.io.IOException;

/**
 * Takes the octets of one BDAT chunk (RFC 3030 §2) as they are: no lines, no dot-unstuffing, no
 * bare CR/LF rules. They go to the transaction's sink, or nowhere when the chunk was refused before
 * it arrived; either way exactly {@code size} octets are consumed, so the stream stays in step.
 */
final class ChunkReceiver {

  private static final System.Logger LOG = System.getLogger(ChunkReceiver.class.getName());

  private final long size;
  private final boolean last;
  private final MessageSink sink;
  private long remaining;
  private Reply refusal;
  private boolean resetsTransaction;

  private ChunkReceiver(long size, boolean last, MessageSink sink, Reply refusal, boolean reset) {
    this.size = size;
    this.last = last;
    this.sink = sink;
    this.remaining = size;
    this.refusal = refusal;
    this.resetsTransaction = reset;
  }

  /** A chunk that goes to {@code sink}. */
  static ChunkReceiver into(MessageSink sink, long size, boolean last) {
    return new ChunkReceiver(size, last, sink, null, false);
  }

  /**
   * A chunk that is read and dropped, then answered with {@code refusal}.
   *
   * @param resetsTransaction whether the transaction ends with it (the message cannot be whole)
   */
  static ChunkReceiver discarding(long size, Reply refusal, boolean resetsTransaction) {
    return new ChunkReceiver(size, false, null, refusal, resetsTransaction);
  }

  /** Takes up to {@link #remaining()} octets. */
  void accept(byte[] data, int offset, int length) {
    remaining -= length;
    if (sink == null || refusal != null) {
      return;
    }
    try {
      sink.write(data, offset, length);
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "message sink failed; discarding the BDAT chunk", e);
      refusal = SmtpReplies.TEMPORARY_FAILURE;
      resetsTransaction = true;
    }
  }

  long remaining() {
    return remaining;
  }

  long size() {
    return size;
  }

  boolean isLast() {
    return last;
  }

  /** Why the chunk was not taken, or null if it was. */
  Reply refusal() {
    return refusal;
  }

  boolean resetsTransaction() {
    return resetsTransaction;
  }
}
