package dev.yubin.protocol.imap.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 5256 §3 THREAD ORDEREDSUBJECT. */
class OrderedSubjectThreadsTest {

  private static ThreadMessage message(long uid, String subject, long sentSeconds) {
    return new ThreadMessage(uid, null, List.of(), subject, Instant.ofEpochSecond(sentSeconds));
  }

  @Test
  void groupsByBaseSubjectFirstMessageAsParent() {
    List<ThreadNode> threads =
        OrderedSubjectThreads.of(
            List.of(
                message(1, "Re: b", 50),
                message(2, "a", 20),
                message(3, "B", 10),
                message(4, "Fwd: A", 30),
                message(5, "re: b", 40),
                message(6, "c", 5)));
    assertThat(ReferenceThreadsTest.render(threads)).isEqualTo("(6)(3 (5)(1))(2 4)");
  }
}
