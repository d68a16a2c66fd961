package dev.yubin.protocol.imap.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** RFC 5256 §3 THREAD REFERENCES, step by step, in the THREAD response's notation. */
class ReferenceThreadsTest {

  /** Message {@code uid}, sent {@code uid} minutes after the epoch unless told. */
  private static ThreadMessage message(long uid, String id, String subject, String... refs) {
    return new ThreadMessage(uid, id, List.of(refs), subject, Instant.EPOCH.plusSeconds(60 * uid));
  }

  private static String threads(ThreadMessage... messages) {
    return render(ReferenceThreads.of(List.of(messages)));
  }

  /** The RFC 5256 §4 form, e.g. {@code (2)(3 6 (4 23)(44 7 96))}. */
  static String render(List<ThreadNode> roots) {
    StringBuilder out = new StringBuilder();
    roots.forEach(root -> out.append('(').append(members(root)).append(')'));
    return out.toString();
  }

  private static String members(ThreadNode node) {
    StringBuilder out = new StringBuilder(node.uid() == 0 ? "" : String.valueOf(node.uid()));
    if (node.children().size() == 1) {
      out.append(out.length() == 0 ? "" : " ").append(members(node.children().get(0)));
    } else if (!node.children().isEmpty()) {
      out.append(out.length() == 0 ? "" : " ");
      node.children().forEach(child -> out.append('(').append(members(child)).append(')'));
    }
    return out.toString();
  }

  @Test
  void repliesHangBelowWhatTheyReferTo() {
    assertThat(
            threads(
                message(1, "a@x", "Topic"),
                message(2, "b@x", "Re: Topic", "a@x"),
                message(3, "c@x", "Re: Topic", "a@x", "b@x"),
                message(4, "d@x", "Re: Topic", "a@x")))
        .isEqualTo("(1 (2 3)(4))");
  }

  @Test
  void missingParentsJoinSiblingsOrGiveWayToAnOnlyChild() {
    assertThat(
            threads(
                message(1, "p1@x", "Re: Party", "p0@x"),
                message(2, "p2@x", "Re: Party", "p0@x"),
                message(3, "q1@x", "Re: Quiz", "q0@x"),
                message(4, "r2@x", "Other", "r0@x", "r1@x")))
        .isEqualTo("((1)(2))(3)(4)");
  }

  @Test
  void aMissingParentInsideAThreadGivesWayToItsChildren() {
    assertThat(
            threads(
                message(1, "a@x", "Topic"),
                message(2, "c@x", "Re: Topic", "a@x", "b@x"),
                message(3, "d@x", "Re: Topic", "a@x", "b@x")))
        .isEqualTo("(1 (2)(3))");
  }

  @Test
  void sameBaseSubjectGathersThreads() {
    // A reply without references goes below the original; two originals share a placeholder.
    assertThat(
            threads(
                message(1, "a@x", "Hello"),
                message(2, "b@x", "Re: Hello"),
                message(3, "c@x", "News"),
                message(4, "d@x", "news")))
        .isEqualTo("(1 2)((3)(4))");
  }

  @Test
  void aSubjectThreadJoinsAPlaceholder() {
    assertThat(
            threads(
                message(1, "p1@x", "Re: Party", "p0@x"),
                message(2, "p2@x", "Re: Party", "p0@x"),
                message(3, "p3@x", "Party")))
        .isEqualTo("((1)(2)(3))");
  }

  @Test
  void emptySubjectsAreNotGathered() {
    assertThat(threads(message(1, "a@x", ""), message(2, "b@x", "Re:"))).isEqualTo("(1)(2)");
  }

  @Test
  void siblingsAndThreadsGoBySentDateThenMailboxOrder() {
    ThreadMessage late = new ThreadMessage(1, "a@x", List.of(), "One", Instant.ofEpochSecond(900));
    ThreadMessage early = new ThreadMessage(2, "b@x", List.of(), "Two", Instant.EPOCH);
    ThreadMessage tie = new ThreadMessage(3, "c@x", List.of(), "Three", Instant.EPOCH);
    assertThat(render(ReferenceThreads.of(List.of(late, early, tie)))).isEqualTo("(2)(3)(1)");
  }

  @Test
  void loopsAreNotCreated() {
    // 1 named b@x (2) its parent first, so 2's claim that 1 is its parent would close a loop.
    assertThat(
            threads(
                message(1, "a@x", "One", "b@x"),
                message(2, "b@x", "Two", "a@x"),
                message(3, "c@x", "Three", "c@x")))
        .isEqualTo("(2 1)(3)");
  }

  @Test
  void aDuplicateIdBelongsToTheFirstMessage() {
    assertThat(
            threads(
                message(1, "a@x", "One"),
                message(2, "a@x", "Two"),
                message(3, "c@x", "Three", "a@x"),
                message(4, null, "Four")))
        .isEqualTo("(1 3)(2)(4)");
  }

  @Test
  void aMessagesOwnReferencesOverrideATruncatedLine() {
    // 2's References lost b@x, so c@x first hangs below a@x; 3 (c@x itself) says b@x comes between.
    assertThat(
            threads(
                message(1, "a@x", "Topic"),
                message(2, "d@x", "Re: Topic", "a@x", "c@x"),
                message(3, "c@x", "Re: Topic", "a@x", "b@x"),
                message(4, "b@x", "Re: Topic", "a@x")))
        .isEqualTo("(1 4 3 2)");
  }

  @Test
  void aLongChainNeedsNoDeepStack() throws InterruptedException {
    int length = 10_000;
    List<ThreadMessage> chain = new ArrayList<>();
    for (int uid = 1; uid <= length; uid++) {
      chain.add(
          uid == 1
              ? message(1, "m1@x", "Chain")
              : message(uid, "m" + uid + "@x", "Re: Chain", "m" + (uid - 1) + "@x"));
    }
    AtomicReference<List<ThreadNode>> result = new AtomicReference<>();
    Thread small =
        new Thread(null, () -> result.set(ReferenceThreads.of(chain)), "small", 64 * 1024);
    small.start();
    small.join();
    ThreadNode node = result.get().get(0);
    int depth = 1;
    while (!node.children().isEmpty()) {
      node = node.children().get(0);
      depth++;
    }
    assertThat(depth).isEqualTo(length);
    assertThat(node.uid()).isEqualTo(length);
  }
}
