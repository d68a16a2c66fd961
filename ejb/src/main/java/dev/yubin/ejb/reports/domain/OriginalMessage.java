package dev.yubin.ejb.reports.domain;

import dev.yubin.ejb.kernel.Ret;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * The message a DSN reports on: its envelope's DSN parameters and where to read it.
 *
 * @param sender the envelope sender (the report's recipient), without angle brackets; {@code ""} is
 *     the null sender, which never gets a report
 * @param envelopeId ENVID, xtext-decoded, or null when the sender gave none
 * @param ret RET, or null when the sender gave none
 * @param arrivalDate when we accepted the message (Arrival-Date)
 * @param content the message as spooled (CRLF lines); opened more than once, read to its end never
 *     unless it is returned in full
 * @see "RFC 3461 §4.3, §4.4"
 */
public record OriginalMessage(
    String sender, String envelopeId, Ret ret, Instant arrivalDate, Content content) {

  /**
   * Opens the original message from its start; may be called more than once (a stream read once
   * only, such as a socket's, must be spooled first).
   */
  @FunctionalInterface
  public interface Content {
    InputStream open() throws IOException;

    /** The content of a spool file. */
    static Content of(Path file) {
      Objects.requireNonNull(file, "file");
      return () -> Files.newInputStream(file);
    }
  }

  public OriginalMessage {
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(arrivalDate, "arrivalDate");
    Objects.requireNonNull(content, "content");
    if (sender.chars().anyMatch(c -> c < ' ' || c == 127)) {
      throw new IllegalArgumentException("not a sender address: " + sender);
    }
  }

  /** A message in a spool file. */
  public OriginalMessage(
      String sender, String envelopeId, Ret ret, Instant arrivalDate, Path contentPath) {
    this(sender, envelopeId, ret, arrivalDate, Content.of(contentPath));
  }
}
