package dev.yubin.ejb.relay.infrastructure.smtp;

import dev.yubin.protocol.Reply;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reply as the server sent it: the code and the text of each line (code and separator removed).
 *
 * @see "RFC 5321 §4.2 (reply lines), RFC 3463 and RFC 2034 (enhanced status codes)"
 */
record ServerReply(int code, List<String> lines) {

  private static final Pattern ENHANCED =
      Pattern.compile("^([245])\\.(\\d{1,3})\\.(\\d{1,3})(?:\\s+|$)");

  ServerReply {
    lines = List.copyOf(lines);
  }

  boolean isPositive() {
    return code >= 200 && code < 300;
  }

  boolean isTransient() {
    return code >= 400 && code < 500;
  }

  boolean isPermanent() {
    return code >= 500;
  }

  /**
   * As a {@link Reply}: the enhanced status code from the first line when the server gave one of
   * the right class, else {@code X.0.0}; the lines joined by spaces, status codes removed.
   */
  Reply toReply() {
    String status = null;
    StringBuilder text = new StringBuilder();
    for (String line : lines) {
      Matcher m = ENHANCED.matcher(line);
      String rest = line;
      if (m.find() && Integer.parseInt(m.group(1)) == code / 100) {
        if (status == null) {
          status = m.group(1) + "." + m.group(2) + "." + m.group(3);
        }
        rest = line.substring(m.end());
      }
      if (!rest.isEmpty()) {
        if (text.length() > 0) {
          text.append(' ');
        }
        text.append(rest);
      }
    }
    if (status == null) {
      status = (code / 100) + ".0.0";
    }
    return Reply.of(code, status, text.toString());
  }

  /** The first line in wire form, for diagnostics. */
  @Override
  public String toString() {
    return code + " " + (lines.isEmpty() ? "" : lines.get(0));
  }
}
