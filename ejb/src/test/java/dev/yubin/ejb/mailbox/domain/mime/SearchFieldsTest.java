package dev.yubin.ejb.mailbox.domain.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** The decoded search fields of corpus messages. */
class SearchFieldsTest {

  private static SearchFields fields(String name) throws Exception {
    return Corpus.parse(name).searchFields();
  }

  @Test
  void iso2022JpSubjectAndNames() throws Exception {
    SearchFields f = fields("16-iso2022jp");
    assertThat(f.subject()).isEqualTo("日本語の件名です");
    assertThat(f.from()).isEqualTo("山田太郎 <yamada@j.test>");
    assertThat(f.to()).isEqualTo("鈴木 <suzuki@j.test>");
    assertThat(f.date()).isEqualTo(OffsetDateTime.parse("2025-07-10T10:00+09:00"));
    assertThat(f.messageId()).isEqualTo("<jis.16@j.test>");
    assertThat(f.sortFrom()).isEqualTo("yamada");
    assertThat(f.displayFrom()).isEqualTo("山田太郎");
    assertThat(f.displayTo()).isEqualTo("鈴木");
  }

  @Test
  void utf8SubjectFoldedAcrossBAndQWords() throws Exception {
    SearchFields f = fields("17-subject-utf8");
    assertThat(f.subject()).isEqualTo("Re: ＵＴＦ８の件名 and café [fwd]");
    assertThat(f.baseSubject()).isEqualTo("ＵＴＦ８の件名 and café [fwd]");
    assertThat(f.replyOrForward()).isTrue();
    assertThat(f.from()).isEqualTo("François <f@a.test>");
    assertThat(f.references()).containsExactly("<r1@a.test>", "<r2@a.test>", "<r3@a.test>");
  }

  @Test
  void shiftJisWordsWithNecAndMicrosoftCharactersJoinAcrossLabels() throws Exception {
    // SHIFT_JIS and Shift_JIS both mean windows-31j: ① ㈱ and ～ (U+FF5E) decode as Windows does
    SearchFields f = fields("18-subject-sjis");
    assertThat(f.subject()).isEqualTo("日本語の件名です①㈱～テスト");
    assertThat(f.from()).isEqualTo("佐藤 <sato@j.test>");
  }

  @Test
  void charactersSplitAcrossEncodedWordsAndAnUnknownCharset() throws Exception {
    SearchFields f = fields("19-split-words");
    // UTF-8 split after 4 octets; white space between encoded words is dropped (RFC 2047 §6.2);
    // the word in an unknown charset is read as UTF-8 rather than losing the header
    assertThat(f.subject()).isEqualTo("あいうkept end");
    // ISO-2022-JP split inside a JIS pair, and NEC row 13's ①
    assertThat(f.from()).isEqualTo("あいう① <split@j.test>");
  }

  @Test
  void eucJpAndRawUtf8Headers() throws Exception {
    assertThat(fields("28-eucjp").subject()).isEqualTo("ＥＵＣの件名");
    SearchFields utf8 = fields("21-smtputf8");
    assertThat(utf8.subject()).isEqualTo("日本語の件名 8bit");
    assertThat(utf8.from()).isEqualTo("山田太郎 <yamada@例え.jp>");
    assertThat(utf8.to()).isEqualTo("テスト 受信者 <テスト@example.jp>");
    assertThat(utf8.messageId()).isEqualTo("<utf8hdr.21@例え.jp>");
  }

  @Test
  void quotedNamesCommentsRoutesAndMissingDomains() throws Exception {
    SearchFields f = fields("15-quoted-names");
    assertThat(f.from()).isEqualTo("Doe, John <john.doe@a.test>");
    assertThat(f.to())
        .isEqualTo(
            "Real Name <user@host.test>, routed@d.test, nodomain, Quoted local@e.test,"
                + " angle@only.test");
    assertThat(f.cc()).isEqualTo("山田 <yamada@j.test>, 山田 <x@j.test>, John Q. Public <jqp@k.test>");
    assertThat(f.inReplyTo()).isEqualTo("<a@a.test>");
    assertThat(f.messageId()).isEqualTo("<quoted.15@a.test>");
    assertThat(f.sortFrom()).isEqualTo("john.doe");
    assertThat(f.sortTo()).isEqualTo("user");
    assertThat(f.sortCc()).isEqualTo("yamada");
    assertThat(f.displayTo()).isEqualTo("Real Name");
  }

  @Test
  void groups() throws Exception {
    SearchFields f = fields("13-groups");
    assertThat(f.to()).isEqualTo("Team A: alice@a.test, Bob B <bob@b.test>;, carol@c.test");
    assertThat(f.cc()).isEqualTo("Empty Group:;");
    assertThat(f.bcc()).isEqualTo("Friends: Dave D <dave@d.test>;");
    assertThat(f.sortTo()).isEqualTo("alice");
    assertThat(f.displayTo()).isEqualTo("alice@a.test");
    SearchFields undisclosed = fields("14-undisclosed");
    assertThat(undisclosed.to()).isEqualTo("undisclosed-recipients:;");
    assertThat(undisclosed.sortTo()).isEmpty();
    assertThat(undisclosed.displayTo()).isEmpty();
  }

  @Test
  void absentFieldsAreNullOrEmpty() throws Exception {
    SearchFields f = fields("10-header-only");
    assertThat(f.cc()).isNull();
    assertThat(f.date()).isNull();
    assertThat(f.messageId()).isNull();
    assertThat(f.references()).isEmpty();
    assertThat(f.sortCc()).isEmpty();
  }

  @Test
  void repeatedFieldsJoinAddressesAndTakeTheLastSubject() throws Exception {
    SearchFields f = fields("29-duplicate-headers");
    assertThat(f.subject()).isEqualTo("Second subject");
    assertThat(f.from()).isEqualTo("first@a.test, second@a.test");
    assertThat(f.to()).isEqualTo("one@b.test, two@b.test, three@b.test");
  }

  @Test
  void datesInTheCorpus() throws Exception {
    assertThat(fields("01-simple").date().toInstant())
        .isEqualTo(Instant.parse("1994-02-08T05:52:25Z"));
    assertThat(fields("13-groups").date().toInstant())
        .isEqualTo(Instant.parse("2025-07-07T00:07:07Z"));
  }
}
