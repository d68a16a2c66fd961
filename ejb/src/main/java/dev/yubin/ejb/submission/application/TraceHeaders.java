package dev.yubin.ejb.submission.application;

import dev.yubin.ejb.kernel.MailDate;
import dev.yubin.ejb.kernel.Origin;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;

/**
 * The trace fields an MTA prepends (RFC 5321 §4.4): Received at every hop, and Return-Path at final
 * delivery, carrying the envelope sender.
 */
public final class TraceHeaders {

  /** RFC 5322 §2.1.1: a line SHOULD be at most 78 octets and MUST be at most 998. */
  static final int FOLD_AT = 78;

  static final int MAX_LINE = 998;

  /** The longest HELO name or client description kept: a domain is at most 255 octets. */
  static final int MAX_NAME = 300;

  private TraceHeaders() {}

  /** {@code Return-Path: <sender>}; the null sender gives {@code <>}. */
  public static String returnPath(String reversePath) {
    return "Return-Path: <" + reversePath + ">\r\n";
  }

  /**
   * A Received field: from (the client's HELO name, and as {@code client} its confirmed name and
   * address, e.g. {@code mail.a.test [192.0.2.1]}), by (us), with (the protocol, RFC 3848), id (our
   * queue id), for (the recipient) and the date.
   *
   * <p>The client's words cannot forge trace lines: the engine takes only a Domain or an address
   * literal as HELO name, and here any octet outside those (parentheses, CR, LF, spaces) becomes
   * {@code ?} and each is cut to {@value #MAX_NAME} octets. Lines are folded (RFC 5322 §2.2.3): the
   * client comment and the date get lines of their own when the line would pass {@value #FOLD_AT}
   * octets, and a for-clause too long for one line (998 octets) is left out, as RFC 5321 §4.4
   * allows. A report written here has no from clause: it comes from no client.
   */
  public static String received(
      Origin origin, String hostname, String queueId, String recipient, ZonedDateTime when) {
    StringBuilder out = new StringBuilder(256);
    String line;
    if (origin.kind() == Origin.Kind.REPORT) {
      line = "Received: by " + hostname + " (Yubin) id " + queueId;
    } else {
      String helo =
          origin.heloName() == null ? "unknown" : safe(origin.heloName()).replace(' ', '?');
      String from = "Received: from " + helo;
      String comment = "(" + safe(origin.clientName()) + ")";
      out.append(from).append(fits(from, comment) ? " " : "\r\n\t").append(comment).append("\r\n");
      line = "\tby " + hostname + " (Yubin) with " + origin.protocol() + " id " + queueId;
    }
    String forClause = recipient == null ? null : "\tfor <" + recipient + ">;";
    if (forClause != null && bytes(forClause).length <= MAX_LINE) {
      out.append(line).append("\r\n");
      line = forClause;
    } else {
      line += ";";
    }
    String date = MailDate.FORMAT.format(when);
    return out.append(line)
        .append(fits(line, date) ? " " : "\r\n\t")
        .append(date)
        .append("\r\n")
        .toString();
  }

  private static boolean fits(String line, String next) {
    return bytes(line).length + 1 + bytes(next).length <= FOLD_AT;
  }

  /** {@code text} with every octet a domain, address literal or "name [ip]" cannot hold as ?. */
  static String safe(String text) {
    StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_NAME));
    for (int i = 0; i < text.length() && out.length() < MAX_NAME; i++) {
      char c = text.charAt(i);
      boolean allowed =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || ".-_:[] ".indexOf(c) >= 0;
      out.append(allowed ? c : '?');
    }
    return out.toString();
  }

  /** {@code [192.0.2.1]} or {@code [IPv6:2001:db8::1]} (RFC 5321 §4.1.3). */
  public static String addressLiteral(String ip) {
    return ip.indexOf(':') >= 0 ? "[IPv6:" + ip + "]" : "[" + ip + "]";
  }

  public static byte[] bytes(String header) {
    return header.getBytes(StandardCharsets.UTF_8);
  }
}
