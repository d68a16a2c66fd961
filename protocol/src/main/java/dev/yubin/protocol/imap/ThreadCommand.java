package dev.yubin.protocol.imap;

import dev.yubin.protocol.imap.backend.SearchKey;
import dev.yubin.protocol.imap.backend.ThreadAlgorithm;
import dev.yubin.protocol.imap.backend.ThreadNode;
import dev.yubin.protocol.imap.wire.ArgumentReader;
import dev.yubin.protocol.imap.wire.ImapSyntaxException;
import dev.yubin.protocol.imap.wire.ResponseLine;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code THREAD algorithm charset keys} and {@code UID THREAD}: the messages matching the keys as
 * threads, e.g. {@code * THREAD (2)(3 6 (4 23)(44 7 96))}. The backend threads (ORDEREDSUBJECT or
 * REFERENCES); the engine writes the forest, a parent whose messages are all absent (uid 0) as a
 * list of its children's lists, as in {@code ((3)(5))}.
 *
 * @see "RFC 5256 §3 (THREAD), §4 (THREAD response)"
 */
final class ThreadCommand extends MessageNumberCommand {

  ThreadCommand() {
    super("THREAD");
  }

  @Override
  List<String> capabilities(ImapSession session) {
    return List.of("THREAD=ORDEREDSUBJECT", "THREAD=REFERENCES");
  }

  @Override
  Completion execute(ImapSession session, Request request) {
    ArgumentReader args = request.args();
    args.space();
    String name = args.keyword();
    ThreadAlgorithm algorithm;
    try {
      algorithm = ThreadAlgorithm.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new ImapSyntaxException("unknown threading algorithm " + name);
    }
    args.space();
    String charset = args.astring();
    args.space();
    SelectedMailbox mailbox = session.selected();
    SearchKey key = SearchParser.parse(args, mailbox, null).inView(mailbox);
    Completion refused = SearchParser.checkCharset(session, charset, true);
    if (refused != null) {
      return refused;
    }
    List<ThreadNode> threads =
        key == null
            ? List.of()
            : session.backend().thread(session.principal(), mailbox.id(), algorithm, key);
    Numbers numbers = new Numbers(mailbox, request.uid(), threads);
    ResponseLine line = session.untagged().ascii("THREAD");
    boolean first = true;
    for (ThreadNode root : threads) {
      if (numbers.shown(root)) {
        line.ascii(first ? " " : "");
        first = false;
        writeList(line, root, numbers);
      }
    }
    line.writeTo(session.out());
    return Completion.ok("THREAD completed");
  }

  /** {@code thread-list}: "(" members or nested lists ")". */
  private static void writeList(ResponseLine line, ThreadNode node, Numbers numbers) {
    line.open();
    boolean first = true;
    ThreadNode current = node;
    while (true) {
      long n = numbers.of(current);
      if (n != 0) {
        line.ascii(first ? "" : " ").number(n);
        first = false;
      }
      List<ThreadNode> children = numbers.shownChildren(current);
      if (children.size() == 1) {
        current = children.get(0); // a reply chain stays in one list, without recursion
        continue;
      }
      if (!children.isEmpty()) {
        line.ascii(first ? "" : " ");
        for (ThreadNode child : children) {
          writeList(line, child, numbers);
        }
      }
      break;
    }
    line.close();
  }

  /**
   * The numbers the client reads (UIDs, or message numbers of the view; 0 for a missing parent or a
   * message the view lacks) and which nodes have any number at or below them.
   */
  private static final class Numbers {
    private final SelectedMailbox mailbox;
    private final boolean byUid;
    private final Map<ThreadNode, Boolean> shown = new IdentityHashMap<>();

    Numbers(SelectedMailbox mailbox, boolean byUid, List<ThreadNode> roots) {
      this.mailbox = mailbox;
      this.byUid = byUid;
      // Post-order without recursion: a thread may be thousands of replies deep.
      Deque<ThreadNode> stack = new ArrayDeque<>(roots);
      List<ThreadNode> order = new ArrayList<>();
      while (!stack.isEmpty()) {
        ThreadNode node = stack.pop();
        order.add(node);
        node.children().forEach(stack::push);
      }
      for (int i = order.size() - 1; i >= 0; i--) {
        ThreadNode node = order.get(i);
        boolean any = of(node) != 0 || node.children().stream().anyMatch(shown::get);
        shown.put(node, any);
      }
    }

    long of(ThreadNode node) {
      if (node.uid() == 0 || mailbox.msnOf(node.uid()) == 0) {
        return 0;
      }
      return byUid ? node.uid() : mailbox.msnOf(node.uid());
    }

    boolean shown(ThreadNode node) {
      return shown.get(node);
    }

    List<ThreadNode> shownChildren(ThreadNode node) {
      return node.children().stream().filter(shown::get).toList();
    }
  }
}
