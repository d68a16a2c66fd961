package dev.yubin.protocol.smtp;

import dev.yubin.protocol.Reply;
import java.io.IOException;

/**
 * Takes the octets of one BDAT chunk (RFC 3030 §2) as they are, without dot-unstuffing. They go to
 * the transaction's sink, or nowhere when the chunk was refused before it arrived; either way
 * exactly {@code size} octets are consumed, so the stream stays in step. DATA's rule holds: a bare
 * CR or LF (see {@link LineEndings}) refuses the chunk with 550 5.5.2 and ends the transaction.
 */
final class ChunkReceiver {

  private static final System.Logger LOG = System.getLogger(ChunkReceiver.class.getName());

  private final long size;
  private final boolean last;
  private final MessageSink sink;
  private final LineEndings lineEndings;
  private long remaining;
  private Reply refusal;
  private boolean resetsTransaction;

  private ChunkReceiver(
      long size,
      boolean last,
      MessageSink sink,
      LineEndings lineEndings,
      Reply refusal,
      boolean reset) {
    this.size = size;
    this.last = last;
    this.sink = sink;
    this.lineEndings = lineEndings;
    this.remaining = size;
    this.refusal = refusal;
    this.resetsTransaction = reset;
  }

  /** A chunk that goes to {@code sink}, its line endings checked with those before it. */
  static ChunkReceiver into(MessageSink sink, LineEndings lineEndings, long size, boolean last) {
    return new ChunkReceiver(size, last, sink, lineEndings, null, false);
  }

  /**
   * A chunk that is read and dropped, then answered with {@code refusal}.
   *
   * @param resetsTransaction whether the transaction ends with it (the message cannot be whole)
   */
  static ChunkReceiver discarding(long size, Reply refusal, boolean resetsTransaction) {
    return new ChunkReceiver(size, false, null, null, refusal, resetsTransaction);
  }

  /** Takes up to {@link #remaining()} octets. */
  void accept(byte[] data, int offset, int length) {
    remaining -= length;
    if (sink == null || refusal != null) {
      return;
    }
    lineEndings.accept(data, offset, length);
    if (lineEndings.bareFound(last && remaining == 0)) {
      refusal = SmtpReplies.BARE_LINE_ENDING;
      resetsTransaction = true;
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
