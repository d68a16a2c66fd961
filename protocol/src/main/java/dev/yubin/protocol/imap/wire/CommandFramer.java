package dev.yubin.protocol.imap.wire;

import java.util.Arrays;

/**
 * Assembles IMAP commands from a byte stream: a command is a line, or lines joined by literals
 * ({@code {n}} at a line's end, then n octets, then the rest of the command). Memory is bounded: a
 * line longer than the limit is skipped to its end and reported, in-memory literals count against
 * the same limit, and a large literal goes where the {@link Handler} says (a sink, or nowhere).
 *
 * <p>Lines may end in CRLF or, leniently, a bare LF.
 *
 * @see "RFC 3501 §4.3, §7.5; RFC 7888 (LITERAL+/LITERAL-)"
 */
public final class CommandFramer {

  /** What the engine decides and is told. Called on the engine's thread, in order. */
  public interface Handler {

    /**
     * A literal is announced at the end of a line of {@code partial}. The handler answers where its
     * octets go; for an accepted synchronizing literal it has written the continuation request, for
     * a refused one the tagged reply.
     */
    LiteralTarget literal(ImapRequest partial, LiteralSpec spec);

    /** A whole command arrived. */
    void command(ImapRequest request);

    /** A line exceeded the limit; it was skipped up to its end (and the rest of its command). */
    void tooLong(ImapRequest partial);
  }

  /** Where a literal's octets go. */
  public sealed interface LiteralTarget {
    /** Keep it in the command, in memory (it counts against the command size limit). */
    record InMemory() implements LiteralTarget {}

    /** Write it to a sink (APPEND's message). */
    record ToSink(LiteralSink sink) implements LiteralTarget {}

    /**
     * Refused: the command is dropped. A non-synchronizing literal's octets still arrive and are
     * skipped, as is the rest of the command.
     */
    record Refused() implements LiteralTarget {}

    LiteralTarget IN_MEMORY = new InMemory();
    LiteralTarget REFUSED = new Refused();

    static LiteralTarget toSink(LiteralSink sink) {
      return new ToSink(sink);
    }
  }

  private enum Mode {
    LINE,
    LITERAL_TO_MEMORY,
    LITERAL_TO_SINK,
    SKIP_LITERAL,
    SKIP_LINE
  }

  private final int maxCommandBytes;
  private byte[] line = new byte[256];
  private int lineLength;
  private int commandBytes;
  private ImapRequest request = new ImapRequest();
  private Mode mode = Mode.LINE;
  private boolean skippingCommand;
  private boolean handedOut;
  private LiteralSpec literal;
  private long literalRemaining;
  private byte[] literalBytes;
  private int literalFilled;
  private LiteralSink sink;

  /**
   * @param maxCommandBytes the most a command may hold in memory: its lines and in-memory literals
   *     together (Dovecot's imap_max_line_length is 64 KiB)
   */
  public CommandFramer(int maxCommandBytes) {
    this.maxCommandBytes = maxCommandBytes;
  }

  /**
   * Feeds received bytes; commands go to {@code handler} as they complete. Stops early when {@code
   * stop} says so after a command (STARTTLS, COMPRESS: what follows must not be framed here) and
   * answers how many bytes were consumed.
   */
  public int feed(byte[] data, int offset, int count, Handler handler, StopCondition stop) {
    int i = offset;
    int end = offset + count;
    while (i < end) {
      switch (mode) {
        case LINE, SKIP_LINE -> {
          int lf = indexOf(data, i, end, (byte) '\n');
          int stopAt = lf < 0 ? end : lf;
          if (mode == Mode.LINE) {
            appendToLine(data, i, stopAt - i, handler);
          }
          i = stopAt;
          if (lf >= 0) {
            i++;
            handedOut = false;
            endOfLine(handler);
            if (handedOut && stop.stopNow()) {
              return i - offset;
            }
          }
        }
        case LITERAL_TO_MEMORY -> {
          int n = (int) Math.min(literalRemaining, end - i);
          System.arraycopy(data, i, literalBytes, literalFilled, n);
          literalFilled += n;
          i += n;
          literalRemaining -= n;
          if (literalRemaining == 0) {
            request.addLiteral(Literal.inMemory(literalBytes, literal.binary()));
            literalBytes = null;
            mode = Mode.LINE;
          }
        }
        case LITERAL_TO_SINK -> {
          int n = (int) Math.min(literalRemaining, end - i);
          sink.write(data, i, n);
          i += n;
          literalRemaining -= n;
          if (literalRemaining == 0) {
            request.addLiteral(new Literal(null, literal.size(), literal.binary(), sink));
            sink = null;
            mode = Mode.LINE;
          }
        }
        case SKIP_LITERAL -> {
          long n = Math.min(literalRemaining, end - i);
          i += (int) n;
          literalRemaining -= n;
          if (literalRemaining == 0) {
            mode = Mode.LINE;
          }
        }
      }
    }
    return count;
  }

  /** Whether feeding should pause after the command just handed out. */
  @FunctionalInterface
  public interface StopCondition {
    boolean stopNow();

    StopCondition NEVER = () -> false;
  }

  /** Whether a command has begun but not ended: its bytes so far, for timeouts. */
  public boolean inCommand() {
    return lineLength > 0 || mode != Mode.LINE || !request.lines().isEmpty();
  }

  /**
   * Whether the client is sending the octets of an accepted literal (an APPEND's message): bulk
   * content, for which the transport extends its deadline as it arrives.
   */
  public boolean inLiteral() {
    return mode == Mode.LITERAL_TO_MEMORY || mode == Mode.LITERAL_TO_SINK;
  }

  /** Forgets a partial command (STARTTLS: input before the handshake is not trusted). */
  public void reset() {
    request.discard();
    if (sink != null) {
      sink.discard();
      sink = null;
    }
    request = new ImapRequest();
    lineLength = 0;
    commandBytes = 0;
    mode = Mode.LINE;
    skippingCommand = false;
    literalBytes = null;
  }

  private void appendToLine(byte[] data, int from, int n, Handler handler) {
    if (commandBytes + lineLength + n > maxCommandBytes) {
      mode = Mode.SKIP_LINE;
      lineLength = 0;
      return;
    }
    if (lineLength + n > line.length) {
      line = Arrays.copyOf(line, Math.max(line.length * 2, lineLength + n));
    }
    System.arraycopy(data, from, line, lineLength, n);
    lineLength += n;
  }

  private void endOfLine(Handler handler) {
    if (mode == Mode.SKIP_LINE) {
      ImapRequest partial = request;
      request = new ImapRequest();
      partial.discard();
      commandBytes = 0;
      mode = Mode.LINE;
      if (!skippingCommand) {
        handedOut = true;
        handler.tooLong(partial);
      }
      skippingCommand = false;
      shrinkLine();
      return;
    }
    int length = lineLength > 0 && line[lineLength - 1] == '\r' ? lineLength - 1 : lineLength;
    byte[] content = Arrays.copyOf(line, length);
    lineLength = 0;
    shrinkLine();
    LiteralSpec spec = LiteralSpec.atEndOf(content, content.length);
    if (skippingCommand) {
      if (spec != null && !spec.synchronizing()) {
        skip(spec);
      } else {
        skippingCommand = false;
        commandBytes = 0;
      }
      return;
    }
    request.addLine(content);
    commandBytes += content.length;
    if (spec == null) {
      ImapRequest complete = request;
      request = new ImapRequest();
      commandBytes = 0;
      handedOut = true;
      handler.command(complete);
      return;
    }
    LiteralTarget target = handler.literal(request, spec);
    if (target instanceof LiteralTarget.InMemory && commandBytes + spec.size() > maxCommandBytes) {
      target = LiteralTarget.REFUSED; // the handler should not have accepted it
    }
    if (target instanceof LiteralTarget.ToSink toSink) {
      sink = toSink.sink();
      startLiteral(spec, Mode.LITERAL_TO_SINK);
    } else if (target instanceof LiteralTarget.InMemory) {
      startLiteral(spec, Mode.LITERAL_TO_MEMORY);
    } else {
      request.discard();
      request = new ImapRequest();
      commandBytes = 0;
      if (!spec.synchronizing()) {
        skippingCommand = true;
        skip(spec);
      }
    }
  }

  private void startLiteral(LiteralSpec spec, Mode literalMode) {
    literal = spec;
    literalRemaining = spec.size();
    if (literalMode == Mode.LITERAL_TO_MEMORY) {
      literalBytes = new byte[(int) spec.size()];
      literalFilled = 0;
      commandBytes += (int) spec.size();
    }
    mode = spec.size() == 0 ? Mode.LINE : literalMode;
    if (spec.size() == 0) {
      if (literalMode == Mode.LITERAL_TO_MEMORY) {
        request.addLiteral(Literal.inMemory(new byte[0], spec.binary()));
      } else {
        request.addLiteral(new Literal(null, 0, spec.binary(), sink));
        sink = null;
      }
    }
  }

  private void skip(LiteralSpec spec) {
    literalRemaining = spec.size();
    mode = spec.size() == 0 ? Mode.LINE : Mode.SKIP_LITERAL;
  }

  private void shrinkLine() {
    if (line.length > 4096) {
      line = new byte[256];
    }
  }

  private static int indexOf(byte[] data, int from, int to, byte b) {
    for (int i = from; i < to; i++) {
      if (data[i] == b) {
        return i;
      }
    }
    return -1;
  }
}
