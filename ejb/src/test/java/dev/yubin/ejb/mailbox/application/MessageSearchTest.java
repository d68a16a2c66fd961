package dev.yubin.ejb.mailbox.application;

import static dev.yubin.ejb.mailbox.application.FakeMailboxStore.MAILBOX;
import static dev.yubin.ejb.mailbox.application.FakeMailboxStore.OWNER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.ejb.mailbox.application.MessageCriteria.And;
import dev.yubin.ejb.mailbox.application.MessageCriteria.Arrived;
import dev.yubin.ejb.mailbox.application.MessageCriteria.ArrivedBefore;
import dev.yubin.ejb.mailbox.application.MessageCriteria.Body;
import dev.yubin.ejb.mailbox.application.MessageCriteria.DateComparison;
import dev.yubin.ejb.mailbox.application.MessageCriteria.HasFlag;
import dev.yubin.ejb.mailbox.application.MessageCriteria.HasKeyword;
import dev.yubin.ejb.mailbox.application.MessageCriteria.Header;
import dev.yubin.ejb.mailbox.application.MessageCriteria.ModSeqAtLeast;
import dev.yubin.ejb.mailbox.application.MessageCriteria.Not;
import dev.yubin.ejb.mailbox.application.MessageCriteria.Or;
import dev.yubin.ejb.mailbox.application.MessageCriteria.Sent;
import dev.yubin.ejb.mailbox.application.MessageCriteria.Size;
import dev.yubin.ejb.mailbox.application.MessageCriteria.Text;
import dev.yubin.ejb.mailbox.application.MessageCriteria.UidRanges;
import dev.yubin.ejb.mailbox.domain.Flags;
import dev.yubin.ejb.mailbox.domain.SystemFlag;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SEARCH over a mailbox of three messages, two of them Japanese, parsed as the store parses. */
class MessageSearchTest {

  private static final Charset JIS = Charset.forName("ISO-2022-JP");

  private FakeMailboxStore store;
  private MessageSearch search;

  /** An RFC 2047 encoded word in ISO-2022-JP, as Japanese mailers write them. */
  static String jis(String text) {
    return "=?ISO-2022-JP?B?" + Base64.getEncoder().encodeToString(text.getBytes(JIS)) + "?=";
  }

  /** UID 1: ISO-2022-JP headers and text part, a binary attachment, a header the row lacks. */
  static byte[] japanese() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(
        ("From: "
                + jis("山田 太郎")
                + " <yamada@example.jp>\r\n"
                + "To: Bob <bob@example.test>\r\n"
                + "Subject: "
                + jis("会議の件")
                + "\r\n"
                + "Date: Tue, 2 Jan 2024 10:00:00 +0900\r\n"
                + "Message-ID: <m1@example.jp>\r\n"
                + "X-Mailer: Rakuraku Mail\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b1\"\r\n"
                + "\r\n"
                + "--b1\r\n"
                + "Content-Type: text/plain; charset=ISO-2022-JP\r\n"
                + "Content-Transfer-Encoding: 7bit\r\n"
                + "\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.writeBytes("明日の会議は十時からです。\r\n".getBytes(JIS));
    out.writeBytes(
        ("--b1\r\n"
                + "Content-Type: application/octet-stream\r\n"
                + "Content-Transfer-Encoding: base64\r\n"
                + "\r\n"
                + "QUFFQ0F3\r\n"
                + "--b1--\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }

  static final String LUNCH =
      """
      From: Carol <carol@example.org>
      To: alice@example.test
      Subject: Re: Lunch
      Date: Wed, 3 Jan 2024 12:00:00 +0000
      Message-ID: <m2@example.org>

      Shall we meet at noon?
      """;

  /** UID 3: raw UTF-8 header fields (RFC 6532), no Date, a base64 UTF-8 body. */
  static final String GUIDE =
      "From: 鈴木 <suzuki@example.jp>\n"
          + "Subject: ＲＥＰＯＲＴ ガイド\n"
          + "Content-Type: text/plain; charset=utf-8\n"
          + "Content-Transfer-Encoding: base64\n"
          + "\n"
          + Base64.getEncoder().encodeToString("ガイドブックを送ります。".getBytes(StandardCharsets.UTF_8))
          + "\n";

  static FakeMailboxStore threeMessages() {
    FakeMailboxStore store = new FakeMailboxStore();
    store.add(japanese(), OffsetDateTime.parse("2024-01-04T09:00:00Z"), Flags.none(), 5);
    store.add(
        LUNCH,
        OffsetDateTime.parse("2024-01-03T12:00:05Z"),
        Flags.of(List.of(SystemFlag.SEEN), List.of("$Important")),
        9);
    store.add(GUIDE, OffsetDateTime.parse("2024-01-05T23:30:00Z"), Flags.none(), 7);
    return store;
  }

  @BeforeEach
  void setUp() {
    store = threeMessages();
    search = store.search();
  }

  private long[] find(MessageCriteria criteria) {
    return search.search(OWNER, MAILBOX, criteria);
  }

  @Test
  void flagsKeywordsSizesModseqsAndUids() {
    assertThat(find(MessageCriteria.ALL)).containsExactly(1, 2, 3);
    assertThat(find(new HasFlag(SystemFlag.SEEN, true))).containsExactly(2);
    assertThat(find(new HasFlag(SystemFlag.SEEN, false))).containsExactly(1, 3);
    assertThat(find(new HasKeyword("$important", true))).containsExactly(2);
    assertThat(find(new HasKeyword("$Important", false))).containsExactly(1, 3);
    assertThat(find(new Size(LUNCH.length() + 20, true))).containsExactly(1, 3);
    assertThat(find(new Size(LUNCH.length() + 20, false))).containsExactly(2);
    assertThat(find(new ModSeqAtLeast(7))).containsExactly(2, 3);
    assertThat(find(new UidRanges(new long[] {3, 1}, new long[] {5, 1}))).containsExactly(1, 3);
    assertThat(find(new UidRanges(new long[0], new long[0]))).isEmpty();
    assertThat(
            find(
                new And(
                    List.of(
                        new Not(new HasFlag(SystemFlag.SEEN, true)),
                        new Or(
                            new ModSeqAtLeast(6), new UidRanges(new long[] {1}, new long[] {1}))))))
        .containsExactly(1, 3);
    assertThat(find(new And(List.of()))).containsExactly(1, 2, 3);
  }

  @Test
  void sentDatesAreTheDateFieldsOwnDayNotUtcs() {
    store = new FakeMailboxStore();
    store.add(
        "Date: Fri, 2 Jan 2026 00:30:00 +0900\r\nSubject: Tokyo\r\n\r\nx\r\n",
        OffsetDateTime.parse("2026-01-01T15:31:00Z"),
        Flags.none(),
        2);
    store.add(
        "Date: Tue, 6 Jan 2026 23:30:00 -0500\r\nSubject: New York\r\n\r\nx\r\n",
        OffsetDateTime.parse("2026-01-07T04:31:00Z"),
        Flags.none(),
        3);
    search = store.search();

    assertThat(find(new Sent(LocalDate.of(2026, 1, 2), DateComparison.ON))).containsExactly(1);
    assertThat(find(new Sent(LocalDate.of(2026, 1, 1), DateComparison.ON))).isEmpty();
    assertThat(find(new Sent(LocalDate.of(2026, 1, 2), DateComparison.BEFORE))).isEmpty();
    assertThat(find(new Sent(LocalDate.of(2026, 1, 6), DateComparison.ON))).containsExactly(2);
    assertThat(find(new Sent(LocalDate.of(2026, 1, 7), DateComparison.SINCE))).isEmpty();
  }

  @Test
  void arrivalDatesAreDaysInTheServersZoneAndSentDatesFallBackToThem() {
    LocalDate jan3 = LocalDate.of(2024, 1, 3);
    assertThat(find(new Arrived(jan3, DateComparison.ON))).containsExactly(2);
    assertThat(find(new Arrived(jan3, DateComparison.BEFORE))).isEmpty();
    assertThat(find(new Arrived(jan3, DateComparison.SINCE))).containsExactly(1, 2, 3);
    assertThat(find(new Arrived(LocalDate.of(2024, 1, 5), DateComparison.BEFORE)))
        .containsExactly(1, 2);
    assertThat(find(new Sent(LocalDate.of(2024, 1, 2), DateComparison.ON))).containsExactly(1);
    assertThat(find(new Sent(jan3, DateComparison.SINCE))).containsExactly(2, 3);
    // UID 3 has no Date field: its internal date's day stands in (RFC 5256 §2.2)
    assertThat(find(new Sent(LocalDate.of(2024, 1, 5), DateComparison.ON))).containsExactly(3);
    OffsetDateTime noon = OffsetDateTime.parse("2024-01-03T12:00:05Z");
    assertThat(find(new ArrivedBefore(noon.toInstant(), true))).isEmpty();
    assertThat(find(new ArrivedBefore(noon.plusSeconds(1).toInstant(), true))).containsExactly(2);
    assertThat(find(new ArrivedBefore(noon.plusSeconds(1).toInstant(), false)))
        .containsExactly(1, 3);
  }

  @Test
  void storedHeaderFieldsMatchDecodedJapaneseTextCaseInsensitivelyWithoutReadingFiles() {
    assertThat(find(new Header("Subject", "会議"))).containsExactly(1);
    assertThat(find(new Header("From", "山田"))).containsExactly(1);
    assertThat(find(new Header("FROM", "YAMADA@Example.JP"))).containsExactly(1);
    assertThat(find(new Header("From", "鈴木"))).containsExactly(3);
    assertThat(find(new Header("To", "BOB"))).containsExactly(1);
    // i;unicode-casemap folds the fullwidth letters of UID 3's subject
    assertThat(find(new Header("Subject", "report"))).containsExactly(3);
    assertThat(find(new Header("Subject", "re"))).containsExactly(2, 3);
    assertThat(find(new Header("Cc", ""))).isEmpty();
    assertThat(find(new Header("Subject", ""))).containsExactly(1, 2, 3);
    assertThat(store.fileReads()).isZero();
    assertThat(store.structureQueries).isZero();
  }

  @Test
  void otherHeaderFieldsAreReadFromTheFile() {
    assertThat(find(new Header("x-mailer", "rakuraku"))).containsExactly(1);
    assertThat(find(new Header("X-Mailer", ""))).containsExactly(1);
    assertThat(find(new Header("Message-ID", "m2@EXAMPLE"))).containsExactly(2);
    assertThat(find(new Header("Content-Transfer-Encoding", "base64"))).containsExactly(3);
  }

  @Test
  void bodyKeysReadTheDecodedTextParts() {
    assertThat(find(new Body("会議は十時"))).containsExactly(1);
    assertThat(find(new Body("ガイドブック"))).containsExactly(3);
    assertThat(find(new Body("ｶﾞｲﾄﾞﾌﾞｯｸ"))).containsExactly(3);
    assertThat(find(new Body("MEET AT"))).containsExactly(2);
    assertThat(find(new Body("QUFFQ0F3"))).as("attachments are not text").isEmpty();
    assertThat(find(new Body("Subject"))).as("the header is not the body").isEmpty();
  }

  @Test
  void textMatchesTheHeaderOrTheBody() {
    assertThat(find(new Text("rakuraku"))).containsExactly(1);
    assertThat(find(new Text("十時"))).containsExactly(1);
    assertThat(find(new Text("ＲＥＰＯＲＴ"))).containsExactly(3);
    assertThat(find(new Text("noon"))).containsExactly(2);
  }

  @Test
  void rowKeysDecideBeforeAnyFileIsRead() {
    assertThat(find(new And(List.of(new Body("noon"), new HasFlag(SystemFlag.SEEN, true)))))
        .containsExactly(2);
    assertThat(store.fileReads()).as("only UID 2's one text part").isEqualTo(1);
    assertThat(store.structureQueries).isEqualTo(1);
  }

  @Test
  void structuresAreReadOneQueryPerBatch() {
    FakeMailboxStore big = new FakeMailboxStore();
    for (int i = 0; i < MessageSearch.BATCH + 10; i++) {
      big.add(LUNCH.replace("noon", "noon " + i), OffsetDateTime.now(), Flags.none(), 1);
    }
    long[] found = big.search().search(OWNER, MAILBOX, new Body("noon 26"));
    assertThat(found).containsExactly(27, 261, 262, 263, 264, 265, 266);
    assertThat(big.structureQueries).isEqualTo(2);
  }

  @Test
  void anotherOwnersOrAMissingMailboxHasNoMessages() {
    assertThat(search.search("mallory@example.test", MAILBOX, MessageCriteria.ALL)).isEmpty();
    assertThat(search.search(OWNER, MAILBOX + 1, MessageCriteria.ALL)).isEmpty();
  }
}
