package dev.yubin.ejb.relay.infrastructure.smtp;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One message for one next hop: the envelope and the content. The content is opened once per
 * transaction and must be CRLF lines (as stored in the spool); dot-stuffing is the client's job.
 *
 * @param sender the reverse-path without angle brackets; empty for the null sender of bounces
 * @param recipients at least one
 * @param ret DSN RET (RFC 3461 §4.3), sent only to servers that offer DSN
 * @param envelopeId DSN ENVID, decoded (the client xtext-encodes it), sent only with DSN
 * @param content opens the content from its beginning
 * @param size the content's size in octets, for SIZE (RFC 1870)
 * @param eightBit whether the content has octets above 127 (BODY=8BITMIME, RFC 6152)
 * @param smtpUtf8 whether the message needs SMTPUTF8 (RFC 6531); also implied by any non-ASCII
 *     address in the envelope
 */
public record OutboundMessage(
    String sender,
    List<Recipient> recipients,
    Optional<Ret> ret,
    Optional<String> envelopeId,
    Content content,
    long size,
    boolean eightBit,
    boolean smtpUtf8) {

  /** DSN RET values. */
  public enum Ret {
    FULL,
    HDRS
  }

  /** Opens the message content from its start; may be called more than once. */
  @FunctionalInterface
  public interface Content {
    InputStream open() throws IOException;
  }

  public OutboundMessage {
    Objects.requireNonNull(sender, "sender");
    if (!sender.isEmpty()) {
      checkPath(sender, "sender");
    }
    recipients = List.copyOf(recipients);
    if (recipients.isEmpty()) {
      throw new IllegalArgumentException("no recipients");
    }
    Objects.requireNonNull(ret, "ret");
    Objects.requireNonNull(envelopeId, "envelopeId");
    envelopeId.ifPresent(id -> checkPrintable(id, "ENVID"));
    Objects.requireNonNull(content, "content");
    if (size < 0) {
      throw new IllegalArgumentException("negative size");
    }
  }

  /** A plain message: no DSN parameters, 7-bit, ASCII addresses. */
  public static OutboundMessage of(
      String sender, List<Recipient> recipients, Content content, long size) {
    return new OutboundMessage(
        sender, recipients, Optional.empty(), Optional.empty(), content, size, false, false);
  }

  public OutboundMessage withDsn(Ret returnWhat, String id) {
    return new OutboundMessage(
        sender,
        recipients,
        Optional.ofNullable(returnWhat),
        Optional.ofNullable(id),
        content,
        size,
        eightBit,
        smtpUtf8);
  }

  public OutboundMessage withEightBit(boolean eight) {
    return new OutboundMessage(sender, recipients, ret, envelopeId, content, size, eight, smtpUtf8);
  }

  public OutboundMessage withSmtpUtf8(boolean utf8) {
    return new OutboundMessage(sender, recipients, ret, envelopeId, content, size, eightBit, utf8);
  }

  /** Whether the session must use SMTPUTF8: asked for, or an address is not ASCII. */
  public boolean needsSmtpUtf8() {
    return smtpUtf8 || !isAscii(sender) || recipients.stream().anyMatch(r -> !isAscii(r.address()));
  }

  /** The same message for some of its recipients, e.g. those still to be tried elsewhere. */
  public OutboundMessage forRecipients(List<Recipient> subset) {
    return new OutboundMessage(sender, subset, ret, envelopeId, content, size, eightBit, smtpUtf8);
  }

  static void checkPath(String path, String what) {
    Objects.requireNonNull(path, what);
    if (path.isEmpty() || path.chars().anyMatch(c -> c < ' ' || c == 127 || c == '<' || c == '>')) {
      throw new IllegalArgumentException("bad " + what + " address: " + path);
    }
  }

  private static void checkPrintable(String value, String what) {
    if (value.chars().anyMatch(c -> c < ' ' || c == 127)) {
      throw new IllegalArgumentException("bad " + what + ": " + value);
    }
  }

  private static boolean isAscii(String s) {
    return s.chars().allMatch(c -> c < 128);
  }
}
