package dev.yubin.protocol.imap.backend;

import dev.yubin.protocol.text.UnicodeCasemap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * THREAD ORDEREDSUBJECT ("poor man's threading"): messages grouped by base subject, each group
 * ordered by sent date; the first message is the root and the others its children; threads are
 * ordered by the sent date of their first message. Ties go to mailbox order.
 *
 * @see "RFC 5256 §3 (ORDEREDSUBJECT)"
 */
public final class OrderedSubjectThreads {

  private OrderedSubjectThreads() {}

  /** The threads of {@code messages}, which come in mailbox order. */
  public static List<ThreadNode> of(List<ThreadMessage> messages) {
    Comparator<ThreadMessage> bySent = SentOrder.of(messages);
    Map<String, List<ThreadMessage>> groups = new LinkedHashMap<>();
    for (ThreadMessage message : messages) {
      groups
          .computeIfAbsent(UnicodeCasemap.key(message.subject().text()), s -> new ArrayList<>())
          .add(message);
    }
    List<List<ThreadMessage>> threads = new ArrayList<>(groups.values());
    threads.forEach(group -> group.sort(bySent));
    threads.sort((a, b) -> bySent.compare(a.get(0), b.get(0)));
    List<ThreadNode> roots = new ArrayList<>();
    for (List<ThreadMessage> group : threads) {
      List<ThreadNode> children = new ArrayList<>();
      for (ThreadMessage child : group.subList(1, group.size())) {
        children.add(new ThreadNode(child.uid(), List.of()));
      }
      roots.add(new ThreadNode(group.get(0).uid(), children));
    }
    return roots;
  }
}
