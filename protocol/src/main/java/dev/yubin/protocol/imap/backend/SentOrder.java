package dev.yubin.protocol.imap.backend;

import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** Orders messages by sent date, ties by their place in the mailbox (RFC 5256 §2.2). */
final class SentOrder {

  private SentOrder() {}

  static Comparator<ThreadMessage> of(List<ThreadMessage> mailboxOrder) {
    Map<ThreadMessage, Integer> place = new IdentityHashMap<>();
    for (int i = 0; i < mailboxOrder.size(); i++) {
      place.put(mailboxOrder.get(i), i);
    }
    return Comparator.comparing(ThreadMessage::sent)
        .thenComparing(m -> place.getOrDefault(m, Integer.MAX_VALUE));
  }
}
