package dev.yubin.ejb.reports.domain;

import dev.yubin.ejb.kernel.MailDate;
import dev.yubin.ejb.kernel.Ret;
import dev.yubin.ejb.reports.domain.NotificationText.Returned;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * A delivery status notification: the multipart/report message (RFC 6522) that tells the envelope
 * sender what became of some recipients. Three parts: a human-readable explanation (text/plain,
 * UTF-8), the machine-readable report (message/delivery-status, RFC 3464) and the original message
 * (message/rfc822) or its header section (text/rfc822-headers).
 *
 * <p>What comes back (RFC 3461 §4.3): for failures, the whole message unless RET=HDRS (Postfix's
 * default too), or only its header section when it is larger than {@link Builder#returnLimit} or
 * its header section is larger than {@link #HEADER_LIMIT}; for delay warnings and success reports,
 * always the header section only. A header section returned alone is cut after its last whole field
 * within {@link #HEADER_LIMIT}.
 *
 * <p>The original is read from its {@link OriginalMessage.Content} twice: once to check that the
 * boundary does not occur in it and to find its header section, once to copy it; it is never held
 * in memory. The caller sends the result with the null reverse-path (RFC 3461 §6.1, RFC 5321
 * §4.5.5), with BODY=8BITMIME when {@link Written#eightBit()} and SMTPUTF8 when {@link
 * Written#smtpUtf8()}.
 *
 * @see "RFC 3464, RFC 3461 §6, RFC 6522, RFC 3834 §5 (Auto-Submitted)"
 */
public final class DeliveryStatusNotification {

  /** Postfix's bounce_size_limit: larger messages come back as their header section only. */
  public static final long DEFAULT_RETURN_LIMIT = 50_000;

  /**
   * The most of a header section returned, in any report: a longer one is cut after its last whole
   * field within the limit, so that a forged sender cannot have large header sections reflected to
   * a victim.
   */
  static final int HEADER_LIMIT = 8 * 1024;

  private static final int BOUNDARY_ATTEMPTS = 16;
  private static final HexFormat HEX = HexFormat.of().withUpperCase();

  private final NotificationKind kind;
  private final String hostname;
  private final OriginalMessage original;
  private final List<ReportedRecipient> recipients;
  private final long returnLimit;
  private final Clock clock;
  private final RandomGenerator random;
  private final Supplier<String> boundaries;

  private DeliveryStatusNotification(Builder b) {
    this.kind = b.kind;
    this.hostname = b.hostname;
    this.original = b.original;
    this.recipients = List.copyOf(b.recipients);
    this.returnLimit = b.returnLimit;
    this.clock = b.clock;
    this.random = b.random;
    this.boundaries = b.boundaries != null ? b.boundaries : this::randomBoundary;
  }

  /**
   * Whether a report may go to this envelope sender: never to the null reverse-path ({@code ""} or
   * {@code <>}), which is how DSNs themselves are sent, so there is never a bounce for a bounce.
   * Nothing else is excluded (MAILER-DAEMON included): RFC 3461 §6.1 and RFC 5321 §4.5.5 name only
   * the null reverse-path.
   */
  public static boolean mayNotify(String envelopeSender) {
    return envelopeSender != null && !envelopeSender.isEmpty() && !envelopeSender.equals("<>");
  }

  /**
   * A report of this kind from the MTA called {@code hostname}: the Reporting-MTA, and the domain
   * of the From address and the Message-ID.
   */
  public static Builder builder(NotificationKind kind, String hostname) {
    return new Builder(kind, hostname);
  }

  /** How the written message must be sent. */
  public record Written(String messageId, boolean eightBit, boolean smtpUtf8) {}

  /**
   * Writes the whole message, header and body, CRLF line ends, to {@code out}, which is flushed,
   * not closed.
   *
   * @return the Message-ID and what the transport must offer for it
   */
  public Written writeTo(OutputStream out) throws IOException {
    ZoneId zone = clock.getZone();
    Instant now = clock.instant();
    boolean headersOnly = kind != NotificationKind.FAILURE || original.ret() == Ret.HDRS;

    String boundary = null;
    ContentScan scan = null;
    Returned returned = null;
    long returnedLength = 0;
    String text = null;
    String report = deliveryStatus(zone);
    for (int attempt = 0; attempt < BOUNDARY_ATTEMPTS && boundary == null; attempt++) {
      String candidate = boundaries.get();
      byte[] bytes = candidate.getBytes(StandardCharsets.US_ASCII);
      try (InputStream in = original.content().open()) {
        scan = ContentScan.of(in, bytes, Math.max(returnLimit, 0), HEADER_LIMIT);
      }
      if (headersOnly) {
        returned = Returned.HEADERS;
      } else {
        returned = scan.tooLarge() || !scan.headerComplete() ? Returned.TOO_LARGE : Returned.FULL;
      }
      returnedLength = returned == Returned.FULL ? scan.size() : scan.headerLength();
      text = NotificationText.of(kind, hostname, recipients, returned, MailDate.FORMAT, zone);
      if (!scan.boundaryWithin(returnedLength)
          && !text.contains(candidate)
          && !report.contains(candidate)
          && !original.sender().contains(candidate)) {
        boundary = candidate;
      }
    }
    if (boundary == null) {
      throw new IOException("no boundary found that does not occur in the message");
    }

    boolean textEightBit = !DsnFields.isPrintableAscii(text.replace("\r\n", ""));
    boolean returnedEightBit = scan.eightBitWithin(returnedLength);
    boolean smtpUtf8 = !DsnFields.isPrintableAscii(original.sender());
    boolean eightBit = textEightBit || returnedEightBit;
    String messageId =
        "<" + Long.toString(now.toEpochMilli(), 36) + "." + randomHex(8) + "@" + hostname + ">";

    StringBuilder head = new StringBuilder(1024);
    head.append("Date: ").append(MailDate.FORMAT.format(now.atZone(zone))).append("\r\n");
    head.append("From: Mail Delivery System <MAILER-DAEMON@").append(hostname).append(">\r\n");
    head.append("To: <").append(original.sender()).append(">\r\n");
    head.append("Subject: ").append(kind.subject()).append("\r\n");
    head.append("Message-ID: ").append(messageId).append("\r\n");
    head.append("Auto-Submitted: auto-replied\r\n");
    head.append("MIME-Version: 1.0\r\n");
    head.append("Content-Type: multipart/report; report-type=delivery-status;\r\n");
    head.append("\tboundary=\"").append(boundary).append("\"\r\n");
    head.append("Content-Transfer-Encoding: ").append(eightBit ? "8bit" : "7bit").append("\r\n");
    head.append("\r\n");
    head.append("This is a MIME-encapsulated message.\r\n");

    head.append("\r\n--").append(boundary).append("\r\n");
    head.append("Content-Description: Notification\r\n");
    head.append("Content-Type: text/plain; charset=utf-8\r\n");
    head.append("Content-Transfer-Encoding: ").append(textEightBit ? "8bit" : "7bit");
    head.append("\r\n\r\n");
    head.append(text);

    head.append("\r\n--").append(boundary).append("\r\n");
    head.append("Content-Description: Delivery report\r\n");
    head.append("Content-Type: message/delivery-status\r\n\r\n");
    head.append(report);

    head.append("\r\n--").append(boundary).append("\r\n");
    if (returned == Returned.FULL) {
      head.append("Content-Description: Undelivered Message\r\n");
      head.append("Content-Type: message/rfc822\r\n");
    } else {
      head.append("Content-Description: ")
          .append(
              kind == NotificationKind.FAILURE ? "Undelivered Message Headers" : "Message Headers")
          .append("\r\n");
      head.append("Content-Type: text/rfc822-headers\r\n");
    }
    head.append("Content-Transfer-Encoding: ").append(returnedEightBit ? "8bit" : "7bit");
    head.append("\r\n\r\n");
    out.write(head.toString().getBytes(StandardCharsets.UTF_8));

    try (InputStream in = original.content().open()) {
      copy(in, out, returnedLength);
    }
    out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
    return new Written(messageId, eightBit, smtpUtf8);
  }

  /** The message/delivery-status body: per-message fields, then a group per recipient. */
  private String deliveryStatus(ZoneId zone) {
    StringBuilder out = new StringBuilder(512);
    if (original.envelopeId() != null) {
      out.append(DsnFields.field("Original-Envelope-Id", DsnFields.xtext(original.envelopeId())));
    }
    out.append(DsnFields.field("Reporting-MTA", "dns; " + hostname));
    out.append(DsnFields.field("Arrival-Date", date(original.arrivalDate(), zone)));
    for (ReportedRecipient r : recipients) {
      out.append("\r\n");
      if (r.originalRecipient() != null) {
        out.append(
            DsnFields.field(
                "Original-Recipient", DsnFields.originalRecipient(r.originalRecipient())));
      }
      out.append(DsnFields.field("Final-Recipient", DsnFields.address(r.address())));
      out.append(DsnFields.field("Action", r.action().fieldValue()));
      out.append(DsnFields.field("Status", r.status()));
      if (r.remoteMta() != null) {
        out.append(DsnFields.field("Remote-MTA", "dns; " + DsnFields.host(r.remoteMta())));
      }
      if (r.diagnostic() != null) {
        out.append(
            DsnFields.field(
                "Diagnostic-Code",
                r.diagnostic().type() + "; " + DsnFields.ascii(r.diagnostic().text())));
      }
      if (r.lastAttempt() != null) {
        out.append(DsnFields.field("Last-Attempt-Date", date(r.lastAttempt(), zone)));
      }
      if (r.willRetryUntil() != null) {
        out.append(DsnFields.field("Will-Retry-Until", date(r.willRetryUntil(), zone)));
      }
    }
    return out.toString();
  }

  private static String date(Instant when, ZoneId zone) {
    return MailDate.FORMAT.format(when.atZone(zone));
  }

  private static void copy(InputStream in, OutputStream out, long length) throws IOException {
    byte[] buffer = new byte[16 * 1024];
    long remaining = length;
    while (remaining > 0) {
      int n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
      if (n < 0) {
        throw new IOException("the original message became shorter while it was returned");
      }
      out.write(buffer, 0, n);
      remaining -= n;
    }
  }

  /** {@code =_} cannot occur in quoted-printable or base64 text; the rest is 120 random bits. */
  private String randomBoundary() {
    return "=_Yubin_" + randomHex(15);
  }

  private String randomHex(int octets) {
    byte[] bytes = new byte[octets];
    for (int i = 0; i < octets; i++) {
      bytes[i] = (byte) random.nextInt(256);
    }
    return HEX.formatHex(bytes);
  }

  /** Collects a report's parts; {@link #build()} checks them. */
  public static final class Builder {
    private final NotificationKind kind;
    private final String hostname;
    private OriginalMessage original;
    private final List<ReportedRecipient> recipients = new ArrayList<>();
    private long returnLimit = DEFAULT_RETURN_LIMIT;
    private Clock clock = Clock.systemDefaultZone();
    private RandomGenerator random;
    private Supplier<String> boundaries;

    private Builder(NotificationKind kind, String hostname) {
      this.kind = Objects.requireNonNull(kind, "kind");
      this.hostname = Objects.requireNonNull(hostname, "hostname");
    }

    /** The message reported on. */
    public Builder original(OriginalMessage message) {
      this.original = Objects.requireNonNull(message, "message");
      return this;
    }

    /** Adds a recipient, in order. */
    public Builder recipient(ReportedRecipient recipient) {
      recipients.add(Objects.requireNonNull(recipient, "recipient"));
      return this;
    }

    /** Adds recipients, in order. */
    public Builder recipients(List<ReportedRecipient> more) {
      more.forEach(this::recipient);
      return this;
    }

    /**
     * The largest original message returned in full, in octets; larger ones come back as their
     * header section. 0 returns only header sections. Default {@value #DEFAULT_RETURN_LIMIT}.
     */
    public Builder returnLimit(long octets) {
      if (octets < 0) {
        throw new IllegalArgumentException("negative return limit");
      }
      this.returnLimit = octets;
      return this;
    }

    /** The time of the Date field and the zone of all dates. */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /** The source of the boundary and the Message-ID; default a {@link SecureRandom}. */
    public Builder random(RandomGenerator value) {
      this.random = Objects.requireNonNull(value, "random");
      return this;
    }

    /** Boundary candidates, for tests that need one to collide with the content. */
    Builder boundaries(Supplier<String> value) {
      this.boundaries = value;
      return this;
    }

    /**
     * The report.
     *
     * @throws IllegalStateException when the sender is the null sender, or nothing is reported
     * @throws IllegalArgumentException when the hostname is not an ASCII domain name
     */
    public DeliveryStatusNotification build() {
      if (original == null) {
        throw new IllegalStateException("no original message");
      }
      if (!mayNotify(original.sender())) {
        throw new IllegalStateException("never a report to the null sender");
      }
      if (recipients.isEmpty()) {
        throw new IllegalStateException("no recipients to report");
      }
      if (!hostname.matches("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?|\\[[0-9A-Fa-f:.IPv]+\\]")) {
        throw new IllegalArgumentException("not a host name: " + hostname);
      }
      if (random == null) {
        random = new SecureRandom();
      }
      return new DeliveryStatusNotification(this);
    }
  }
}
