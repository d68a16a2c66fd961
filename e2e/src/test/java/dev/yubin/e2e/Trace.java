package dev.yubin.e2e;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The trace fields Yubin prepends at final delivery (RFC 5321 §4.4): {@code Return-Path} and a
 * {@code Received} field folded over three lines, whose {@code with} names the protocol (RFC 3848:
 * ESMTP, ESMTPS with TLS, ESMTPA with AUTH, ESMTPSA with both). {@link #split} checks them and
 * hands back the rest of the message, which must be the client's bytes unchanged.
 */
record Trace(
    String returnPath,
    String heloName,
    String clientIp,
    String protocol,
    String id,
    String date,
    byte[] rest) {

  private static final Pattern TRACE =
      Pattern.compile(
          "\\AReturn-Path: <(?<returnPath>[^>\\r\\n]*)>\\r\\n"
              + "Received: from (?<helo>\\S+) \\((?<client>\\S+) \\[(?<ip>[0-9.]+)\\]\\)\\r\\n"
              + "\\tby (?<by>\\S+) \\(Yubin\\) with (?<with>E?SMTPS?A?) id (?<id>[A-Za-z0-9._-]+)\\r\\n"
              + "\\tfor <(?<for>[^>\\r\\n]+)>;(?: |\\r\\n\\t)(?<date>[A-Z][a-z]{2}, \\d{1,2} [A-Z][a-z]{2} \\d{4}"
              + " \\d{2}:\\d{2}:\\d{2} [+-]\\d{4})\\r\\n");

  /**
   * Checks the trace fields of a message received over plain ESMTP without AUTH and delivered to
   * RECIPIENT by the server HOSTNAME from the envelope SENDER, and splits them off.
   */
  static Trace split(byte[] stored, String sender, String recipient, String hostname) {
    return split(stored, sender, recipient, hostname, "ESMTP");
  }

  /** As {@link #split(byte[], String, String, String)}, received with PROTOCOL (RFC 3848). */
  static Trace split(
      byte[] stored, String sender, String recipient, String hostname, String protocol) {
    String text = new String(stored, ISO_8859_1); // byte-for-byte, whatever the charset
    Matcher m = TRACE.matcher(text);
    assertThat(m.lookingAt())
        .as("trace fields at the top of:\n%s", text.substring(0, Math.min(text.length(), 600)))
        .isTrue();
    assertThat(m.group("returnPath")).isEqualTo(sender);
    assertThat(m.group("by")).isEqualTo(hostname);
    assertThat(m.group("with")).as("Received ... with").isEqualTo(protocol);
    assertThat(m.group("for")).isEqualTo(recipient);
    ZonedDateTime date = ZonedDateTime.parse(m.group("date"), DateTimeFormatter.RFC_1123_DATE_TIME);
    assertThat(Duration.between(date, ZonedDateTime.now()).abs())
        .as("Received date %s is about now", m.group("date"))
        .isLessThan(Duration.ofMinutes(10));
    byte[] rest = Arrays.copyOfRange(stored, m.end(), stored.length);
    return new Trace(
        m.group("returnPath"),
        m.group("helo"),
        m.group("ip"),
        m.group("with"),
        m.group("id"),
        m.group("date"),
        rest);
  }
}
