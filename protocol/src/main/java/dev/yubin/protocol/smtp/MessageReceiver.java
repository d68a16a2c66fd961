package dev.yubin.protocol.smtp;

import dev.yubin.protocol.LineAssembler.Line;
import dev.yubin.protocol.Reply;
import java.io.IOException;
import java.util.Optional;

/**
 * Takes the lines of one message during DATA and writes its content to the {@link MessageSink}.
 *
 * <ul>
 *   <li>Only CRLF "." CRLF ends the data (RFC 5321 §4.1.1.4). A "." line after or before a bare LF,
 *       or with a bare CR, does not: that is how SMTP smuggling hides a second message.
 *   <li>A bare LF or bare CR anywhere rejects the message with 550 5.5.2 once the real end of data
 *       has come; what arrives until then is swallowed.
 *   <li>A leading "." is removed from each line (dot-unstuffing, RFC 5321 §4.5.2); lines go to the
 *       sink with CRLF. Pieces of an overlong line go through as they come, so memory stays
 *       bounded.
 *   <li>Past the size limit, or after a sink failure, the content is discarded and the rest
 *       swallowed; the reply (552 5.3.4 or 451 4.3.0) waits for the end of data.
 * </ul>
 */
final class MessageReceiver {

  private static final System.Logger LOG = System.getLogger(MessageReceiver.class.getName());
  private static final byte[] CRLF = {'\r', '\n'};

  private final MessageSink sink;
  private final long maxSize;
  private long size;
  private boolean atLineStart = true;
  private boolean lastLineEndedWithCrlf = true;
  private Reply failure;

  MessageReceiver(MessageSink sink, long maxSize) {
    this.sink = sink;
    this.maxSize = maxSize;
  }

  /** Takes one line or piece of a line; true when it was the end of data. */
  boolean accept(Line line) {
    boolean lineStart = atLineStart;
    atLineStart = line.terminated();
    if (lineStart && lastLineEndedWithCrlf && line.crlf() && isDot(line)) {
      return true;
    }
    if (line.terminated()) {
      lastLineEndedWithCrlf = line.crlf();
      if (!line.crlf()) {
        fail(SmtpReplies.BARE_LINE_ENDING);
      }
    }
    if (containsCr(line)) {
      fail(SmtpReplies.BARE_LINE_ENDING);
    }
    if (failure == null) {
      store(line, lineStart && line.length() > 0 && line.bytes()[0] == '.' ? 1 : 0);
    }
    return false;
  }

  private void store(Line line, int offset) {
    int length = line.length() - offset;
    long lineSize = length + (line.terminated() ? CRLF.length : 0);
    if (size + lineSize > maxSize) {
      fail(SmtpReplies.MESSAGE_TOO_BIG);
      return;
    }
    size += lineSize;
    try {
      sink.write(line.bytes(), offset, length);
      if (line.terminated()) {
        sink.write(CRLF, 0, CRLF.length);
      }
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "message sink failed; swallowing the rest of DATA", e);
      fail(SmtpReplies.TEMPORARY_FAILURE);
    }
  }

  /** The first problem met; nothing is stored once there is one. */
  private void fail(Reply reply) {
    if (failure == null) {
      failure = reply;
      sink.discard();
    }
  }

  /** Why the message cannot be delivered, if it cannot. */
  Optional<Reply> failure() {
    return Optional.ofNullable(failure);
  }

  MessageSink sink() {
    return sink;
  }

  /** The transaction ends without delivery: nothing is kept. */
  void abort() {
    sink.discard();
  }

  private static boolean isDot(Line line) {
    return line.terminated() && line.length() == 1 && line.bytes()[0] == '.';
  }

  private static boolean containsCr(Line line) {
    for (byte b : line.bytes()) {
      if (b == '\r') {
        return true;
      }
    }
    return false;
  }
}
