package dev.yubin.ejb.application;

import dev.yubin.ejb.domain.mail.MailDate;
import dev.yubin.protocol.smtp.SmtpSessionInfo;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;

/**
 * The trace fields an MTA prepends (RFC 5321 §4.4): Received at every hop, and Return-Path at final
 * delivery, carrying the envelope sender.
 */
public final class TraceHeaders {

  private TraceHeaders() {}

  /** {@code Return-Path: <sender>}; the null sender gives {@code <>}. */
  public static String returnPath(String reversePath) {
    return "Return-Path: <" + reversePath + ">\r\n";
  }

  /**
   * A Received field: from (the client's HELO name, and as {@code client} its confirmed name and
   * address, e.g. {@code mail.a.test [192.0.2.1]}), by (us), with (the protocol, RFC 3848), id (our
   * queue id), for (the recipient) and the date.
   */
  public static String received(
      SmtpSessionInfo session,
      String client,
      String hostname,
      String queueId,
      String recipient,
      ZonedDateTime when) {
    String helo = session.heloName() == null ? "unknown" : session.heloName();
    return "Received: from "
        + helo
        + " ("
        + client
        + ")\r\n\tby "
        + hostname
        + " (Yubin) with "
        + session.protocolName()
        + " id "
        + queueId
        + (recipient == null ? "" : "\r\n\tfor <" + recipient + ">")
        + "; "
        + MailDate.FORMAT.format(when)
        + "\r\n";
  }

  /** {@code [192.0.2.1]} or {@code [IPv6:2001:db8::1]} (RFC 5321 §4.1.3). */
  public static String addressLiteral(String ip) {
    return ip.indexOf(':') >= 0 ? "[IPv6:" + ip + "]" : "[" + ip + "]";
  }

  public static byte[] bytes(String header) {
    return header.getBytes(StandardCharsets.UTF_8);
  }
}
