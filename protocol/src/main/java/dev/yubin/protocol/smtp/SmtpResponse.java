package dev.yubin.protocol.smtp;

import dev.yubin.protocol.Output;
import dev.yubin.protocol.Reply;
import java.util.ArrayList;
import java.util.List;

/**
 * The engine's answer to one command: the reply lines (RFC 5321 §4.2) and whether the connection
 * closes after them. Commands return it; only the session writes it.
 *
 * @param code the reply code shared by all lines
 * @param lines the reply lines without CRLF
 * @param closesConnection whether the session ends after the reply
 * @param startsTls whether TLS starts after the reply (STARTTLS, RFC 3207 §4)
 */
record SmtpResponse(int code, List<String> lines, boolean closesConnection, boolean startsTls) {

  SmtpResponse {
    lines = List.copyOf(lines);
  }

  static SmtpResponse of(Reply reply) {
    return new SmtpResponse(reply.code(), List.of(reply.toString()), false, false);
  }

  /**
   * A reply without an enhanced status code: the greeting, HELO, EHLO and 354, which RFC 2034 §3
   * exempts.
   */
  static SmtpResponse plain(int code, String text) {
    return new SmtpResponse(code, List.of(code + " " + text), false, false);
  }

  /** A multi-line reply: every line but the last has a hyphen after the code (RFC 5321 §4.2.1). */
  static SmtpResponse multiline(int code, List<String> texts) {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      String separator = i == texts.size() - 1 ? " " : "-";
      lines.add(code + separator + texts.get(i));
    }
    return new SmtpResponse(code, lines, false, false);
  }

  SmtpResponse thenClose() {
    return new SmtpResponse(code, lines, true, false);
  }

  /** This reply, then {@code closing} (a 421), then the connection closes (RFC 5321 §3.8). */
  SmtpResponse thenCloseWith(Reply closing) {
    List<String> both = new ArrayList<>(lines);
    both.add(closing.toString());
    return new SmtpResponse(code, both, true, false);
  }

  /** No reply yet: it comes after the BDAT chunk's octets. */
  static SmtpResponse deferred() {
    return new SmtpResponse(0, List.of(), false, false);
  }

  SmtpResponse thenStartTls() {
    return new SmtpResponse(code, lines, false, true);
  }

  /** A 4xx or 5xx reply: it counts towards {@link SmtpConfig#maxErrors()}. */
  boolean isError() {
    return code >= 400;
  }

  void writeTo(Output out) {
    lines.forEach(out::writeLine);
    if (closesConnection) {
      out.close();
    } else if (startsTls) {
      out.startTls();
    }
  }
}
