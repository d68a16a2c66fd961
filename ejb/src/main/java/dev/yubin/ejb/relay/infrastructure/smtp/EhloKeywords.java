package dev.yubin.ejb.relay.infrastructure.smtp;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The service extensions a server listed in its EHLO reply: keyword (upper case) → parameters.
 *
 * @see "RFC 5321 §4.1.1.1 (ehlo-line)"
 */
record EhloKeywords(Map<String, String> keywords) {

  static final EhloKeywords NONE = new EhloKeywords(Map.of());

  EhloKeywords {
    keywords = Map.copyOf(keywords);
  }

  /** From an EHLO reply: the first line is the greeting, each further line one keyword. */
  static EhloKeywords parse(ServerReply reply) {
    Map<String, String> map = new HashMap<>();
    for (int i = 1; i < reply.lines().size(); i++) {
      String line = reply.lines().get(i).trim();
      if (line.isEmpty()) {
        continue;
      }
      int space = line.indexOf(' ');
      String keyword = (space < 0 ? line : line.substring(0, space)).toUpperCase(Locale.ROOT);
      String params = space < 0 ? "" : line.substring(space + 1).trim();
      map.putIfAbsent(keyword, params);
    }
    return new EhloKeywords(map);
  }

  boolean has(String keyword) {
    return keywords.containsKey(keyword);
  }

  /** The SIZE limit (RFC 1870), 0 when none is declared. */
  long sizeLimit() {
    String value = keywords.get("SIZE");
    if (value == null || value.isEmpty()) {
      return 0;
    }
    try {
      return Math.max(0, Long.parseLong(value.split(" ")[0]));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  Set<String> names() {
    return keywords.keySet();
  }
}
