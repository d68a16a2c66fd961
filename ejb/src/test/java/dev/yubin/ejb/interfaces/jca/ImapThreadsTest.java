package dev.yubin.ejb.interfaces.jca;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.ejb.mailbox.application.IndexedMessage;
import dev.yubin.ejb.mailbox.domain.Flags;
import dev.yubin.protocol.imap.backend.ThreadAlgorithm;
import dev.yubin.protocol.imap.backend.ThreadNode;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** THREAD from the fields the store keeps: ids as stored, decoded Japanese subjects. */
class ImapThreadsTest {

  private static IndexedMessage message(
      long uid, String id, String inReplyTo, String references, String subject, String sent) {
    return new IndexedMessage(
        uid,
        uid,
        "blobs/00/" + uid,
        1,
        OffsetDateTime.parse("2024-01-01T00:00:00Z"),
        100,
        Flags.none(),
        new IndexedMessage.Fields(
            subject,
            null,
            null,
            null,
            null,
            null,
            "",
            "",
            "",
            "",
            "",
            sent == null ? null : OffsetDateTime.parse(sent),
            id,
            inReplyTo,
            references));
  }

  /**
   * 1 opens a thread that 2 answers (In-Reply-To) and 3 answers in turn (References); 4 has no Date
   * and so counts as sent when it arrived, first; 5 answers a message the mailbox lacks, with 4's
   * subject.
   */
  private static final List<IndexedMessage> MESSAGES =
      List.of(
          message(1, "<a@x>", null, "", "会議", "2024-01-02T10:00:00+09:00"),
          message(2, "<b@x>", "<a@x>", "", "Re: 会議", "2024-01-03T00:00:00Z"),
          message(3, "<c@x>", "<b@x>", "<a@x> <b@x>", "Re: 会議", "2024-01-04T00:00:00Z"),
          message(4, "<d@x>", null, "", "ランチ", null),
          message(5, "<e@x>", null, "<gone@x>", "Re: ランチ", "2024-01-05T00:00:00Z"));

  private static ThreadNode node(long uid, ThreadNode... children) {
    return new ThreadNode(uid, List.of(children));
  }

  @Test
  void referencesLinkRepliesToTheirParentsAndGatherBySubject() {
    assertThat(ImapThreads.of(MESSAGES, ThreadAlgorithm.REFERENCES))
        .containsExactly(node(4, node(5)), node(1, node(2, node(3))));
  }

  @Test
  void orderedSubjectGroupsByBaseSubjectUnderTheFirstSent() {
    assertThat(ImapThreads.of(MESSAGES, ThreadAlgorithm.ORDEREDSUBJECT))
        .containsExactly(node(4, node(5)), node(1, node(2), node(3)));
  }
}
