package dev.yubin.protocol.pop3;

import dev.yubin.protocol.Output;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes a positive multi-line response built from short lines: status line, the lines
 * byte-stuffed, then the terminating dot.
 *
 * @see "RFC 1939 §3"
 */
final class MultiLineResponse {

  private MultiLineResponse() {}

  static void write(Output out, String status, List<String> lines) {
    StringBuilder response = new StringBuilder("+OK ").append(status).append("\r\n");
    for (String line : lines) {
      if (line.startsWith(".")) {
        response.append('.');
      }
      response.append(line).append("\r\n");
    }
    response.append(".\r\n");
    out.write(response.toString().getBytes(StandardCharsets.US_ASCII));
  }
}
