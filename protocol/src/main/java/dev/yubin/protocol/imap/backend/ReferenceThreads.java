package dev.yubin.protocol.imap.backend;

import dev.yubin.protocol.text.UnicodeCasemap;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * THREAD REFERENCES: messages linked into trees by Message-ID, References and In-Reply-To, missing
 * parents kept as placeholders where they join siblings, threads with the same base subject
 * gathered, and every set of siblings ordered by sent date. The six steps of RFC 5256 §3, without
 * recursion, so a long reply chain cannot exhaust the stack.
 *
 * @see "RFC 5256 §3 (REFERENCES)"
 */
public final class ReferenceThreads {

  /** A message, or a placeholder for a referenced one that is absent (message null). */
  private static final class Container {
    ThreadMessage message;
    Container parent;
    final List<Container> children = new ArrayList<>();
    boolean merged;
    Container replacedBy;
  }

  private ReferenceThreads() {}

  /** The threads of {@code messages}, which come in mailbox order. */
  public static List<ThreadNode> of(List<ThreadMessage> messages) {
    List<Container> roots = link(messages);
    roots = prune(roots);
    Comparator<Container> bySent = bySent(messages);
    for (Container root : roots) {
      if (root.message == null) {
        root.children.sort(bySent);
      }
    }
    roots.sort(bySent);
    roots = gatherSubjects(roots);
    for (Container container : postOrder(roots)) {
      container.children.sort(bySent);
    }
    roots.sort(bySent);
    return nodes(roots);
  }

  /** Steps 1 and 2: parent/child links from the references; the containers without a parent. */
  private static List<Container> link(List<ThreadMessage> messages) {
    Map<String, Container> byId = new HashMap<>();
    List<Container> all = new ArrayList<>();
    for (ThreadMessage message : messages) {
      String id = message.messageId();
      Container own = id == null ? null : byId.get(id);
      if (own == null || own.message != null) {
        // No id, or a duplicate one: a container no reference can reach.
        own = new Container();
        all.add(own);
        if (id != null && !byId.containsKey(id)) {
          byId.put(id, own);
        }
      }
      own.message = message;
      Container previous = null;
      for (String reference : message.references()) {
        Container container = byId.get(reference);
        if (container == null) {
          container = new Container();
          byId.put(reference, container);
          all.add(container);
        }
        if (previous != null && container.parent == null && !wouldLoop(previous, container)) {
          adopt(previous, container);
        }
        previous = container;
      }
      if (own.parent != null) {
        own.parent.children.remove(own);
        own.parent = null;
      }
      if (previous != null && !wouldLoop(previous, own)) {
        adopt(previous, own);
      }
    }
    List<Container> roots = new ArrayList<>();
    for (Container container : all) {
      if (container.parent == null) {
        roots.add(container);
      }
    }
    return roots;
  }

  /** Whether making {@code parent} the parent of {@code child} would close a loop. */
  private static boolean wouldLoop(Container parent, Container child) {
    for (Container c = parent; c != null; c = c.parent) {
      if (c == child) {
        return true;
      }
    }
    return false;
  }

  private static void adopt(Container parent, Container child) {
    child.parent = parent;
    parent.children.add(child);
  }

  /**
   * Step 3: placeholders without children go; those with children give way to them, except at the
   * top, where only a placeholder with one child does.
   */
  private static List<Container> prune(List<Container> roots) {
    for (Container container : postOrder(roots)) {
      Container parent = container.parent;
      if (container.message != null || parent == null) {
        continue;
      }
      int at = indexOf(parent.children, container);
      parent.children.remove(at);
      parent.children.addAll(at, container.children);
      container.children.forEach(child -> child.parent = parent);
    }
    List<Container> top = new ArrayList<>();
    for (Container root : roots) {
      if (root.message != null || root.children.size() > 1) {
        top.add(root);
      } else if (root.children.size() == 1) {
        Container only = root.children.get(0);
        only.parent = null;
        top.add(only);
      }
    }
    return top;
  }

  /** Step 5: threads at the top with the same base subject become one. */
  private static List<Container> gatherSubjects(List<Container> roots) {
    Map<String, Container> table = new HashMap<>();
    for (Container root : roots) {
      String subject = subjectKey(root);
      if (subject.isEmpty()) {
        continue;
      }
      Container known = table.get(subject);
      if (known == null
          || (known.message != null
              && (root.message == null || (isReply(known) && !isReply(root))))) {
        table.put(subject, root);
      }
    }
    for (Container root : roots) {
      String subject = subjectKey(root);
      Container known = subject.isEmpty() ? null : table.get(subject);
      if (root.merged || known == null || known == root) {
        continue;
      }
      root.merged = true;
      if (known.message == null && root.message == null) {
        for (Container child : root.children) {
          adopt(known, child);
        }
        root.children.clear();
      } else if (known.message == null || (isReply(root) && !isReply(known))) {
        adopt(known, root);
      } else {
        Container placeholder = new Container();
        known.replacedBy = placeholder;
        adopt(placeholder, known);
        adopt(placeholder, root);
        table.put(subject, placeholder);
      }
    }
    List<Container> top = new ArrayList<>();
    for (Container root : roots) {
      if (root.replacedBy != null) {
        top.add(root.replacedBy);
      } else if (!root.merged) {
        top.add(root);
      }
    }
    return top;
  }

  private static String subjectKey(Container root) {
    return UnicodeCasemap.key(first(root).subject().text());
  }

  private static boolean isReply(Container container) {
    return container.message.subject().replyOrForward();
  }

  /** The message a container stands for in sorting: its own, or its first child's. */
  private static ThreadMessage first(Container container) {
    return container.message != null ? container.message : container.children.get(0).message;
  }

  private static Comparator<Container> bySent(List<ThreadMessage> messages) {
    Comparator<ThreadMessage> bySent = SentOrder.of(messages);
    return (a, b) -> bySent.compare(first(a), first(b));
  }

  /** Every container below {@code roots}, each after its descendants. */
  private static List<Container> postOrder(List<Container> roots) {
    List<Container> order = new ArrayList<>();
    Deque<Container> stack = new ArrayDeque<>(roots);
    while (!stack.isEmpty()) {
      Container container = stack.pop();
      order.add(container);
      container.children.forEach(stack::push);
    }
    Collections.reverse(order);
    return order;
  }

  private static List<ThreadNode> nodes(List<Container> roots) {
    Map<Container, ThreadNode> built = new IdentityHashMap<>();
    for (Container container : postOrder(roots)) {
      List<ThreadNode> children = new ArrayList<>(container.children.size());
      for (Container child : container.children) {
        children.add(built.get(child));
      }
      long uid = container.message == null ? 0 : container.message.uid();
      built.put(container, new ThreadNode(uid, children));
    }
    List<ThreadNode> threads = new ArrayList<>(roots.size());
    roots.forEach(root -> threads.add(built.get(root)));
    return threads;
  }

  private static int indexOf(List<Container> list, Container wanted) {
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) == wanted) {
        return i;
      }
    }
    throw new IllegalStateException("not a child of its parent");
  }
}
