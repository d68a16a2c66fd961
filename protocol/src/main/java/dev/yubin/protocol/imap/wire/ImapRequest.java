package dev.yubin.protocol.imap.wire;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One complete command as received: its line pieces, each ending where a literal began, and the
 * literals between them. {@link #arguments()} reads it token by token.
 */
public final class ImapRequest {

  private final List<byte[]> lines = new ArrayList<>();
  private final List<Literal> literals = new ArrayList<>();

  void addLine(byte[] line) {
    lines.add(line);
  }

  void addLiteral(Literal literal) {
    literals.add(literal);
  }

  /** The line pieces; piece {@code i + 1} follows literal {@code i}. */
  List<byte[]> lines() {
    return lines;
  }

  List<Literal> literals() {
    return literals;
  }

  /** How many literals the command holds so far. */
  public int literalCount() {
    return literals.size();
  }

  /**
   * The text of a request that holds no literal, as sent: a line that is not a command (an
   * AUTHENTICATE response).
   */
  public String text() {
    if (!literals.isEmpty()) {
      throw new IllegalStateException("a request with literals is no single line");
    }
    return new String(lines.get(0), StandardCharsets.US_ASCII);
  }

  /** A tokenizer positioned at the start of the command (its tag). */
  public ArgumentReader arguments() {
    return new ArgumentReader(this);
  }

  /** Drops spooled literals; for a command that is not carried out. */
  public void discard() {
    for (Literal literal : literals) {
      if (literal.sink() != null) {
        literal.sink().discard();
      }
    }
  }
}
