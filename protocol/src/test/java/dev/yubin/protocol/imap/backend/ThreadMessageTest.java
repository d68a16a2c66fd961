package dev.yubin.protocol.imap.backend;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** RFC 5256 §3 REFERENCES: which ids a message refers to, normalized. */
class ThreadMessageTest {

  @Test
  void quotingDoesNotMakeADifferentId() {
    assertThat(ThreadMessage.messageIds("<\"01KF8JCEOCBS0045PS\"@xxx.yyy.com>"))
        .containsExactly("01KF8JCEOCBS0045PS@xxx.yyy.com");
    assertThat(ThreadMessage.messageIds(" <\"a\\\"b c\"@x.test>")).containsExactly("a\"b c@x.test");
  }

  @Test
  void referencesComeFirstInReplyToOnlyWithout() {
    assertThat(ThreadMessage.references("<a@x> <b@x>\r\n <c@x>", "<z@x>"))
        .containsExactly("a@x", "b@x", "c@x");
    assertThat(ThreadMessage.references(null, "<z@x> (Erin's) <y@x>")).containsExactly("z@x");
    assertThat(ThreadMessage.references("no ids here", "<z@x>")).containsExactly("z@x");
    assertThat(ThreadMessage.references(null, "Erin's message of Monday")).isEmpty();
  }

  @Test
  void tokensWithoutAtAreNotIds() {
    assertThat(ThreadMessage.messageIds("<nope> <@x> <y@> <ok@x>")).containsExactly("ok@x");
  }
}
