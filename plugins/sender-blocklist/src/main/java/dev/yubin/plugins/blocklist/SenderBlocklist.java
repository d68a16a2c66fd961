package dev.yubin.plugins.blocklist;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Listed senders: full addresses ({@code spam@bad.test}) or domains ({@code bad.test}, which also
 * covers its subdomains). Case-insensitive.
 */
final class SenderBlocklist {

  private final Set<String> entries;

  SenderBlocklist(String commaList) {
    this.entries =
        Arrays.stream(commaList.split(","))
            .map(e -> e.trim().toLowerCase(Locale.ROOT))
            .filter(e -> !e.isEmpty())
            .collect(Collectors.toUnmodifiableSet());
  }

  boolean blocks(String sender) {
    if (sender.isEmpty()) {
      return false; // the null sender is how bounces arrive; never refuse them here
    }
    String address = sender.toLowerCase(Locale.ROOT);
    if (entries.contains(address)) {
      return true;
    }
    int at = address.lastIndexOf('@');
    for (String domain = address.substring(at + 1); !domain.isEmpty(); ) {
      if (entries.contains(domain)) {
        return true;
      }
      int dot = domain.indexOf('.');
      domain = dot < 0 ? "" : domain.substring(dot + 1);
    }
    return false;
  }

  boolean isEmpty() {
    return entries.isEmpty();
  }
}
