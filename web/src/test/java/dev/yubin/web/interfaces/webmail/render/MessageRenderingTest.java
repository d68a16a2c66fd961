package dev.yubin.web.interfaces.webmail.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * A corpus of Japanese and other real-world mail shapes rendered as the message page does: the
 * right text, the right attachments, never an exception.
 */
class MessageRenderingTest {

  @Test
  void iso2022jpWithNecSpecialCharactersInSubjectAndBody() {
    RenderedMessage page =
        new Mails()
            .lines(
                "From: " + Mails.jisWord("山田太郎") + " <taro@example.jp>",
                "Subject: " + Mails.jisWord("会議①のお知らせ"),
                "MIME-Version: 1.0",
                "Content-Type: text/plain; charset=ISO-2022-JP",
                "Content-Transfer-Encoding: 7bit",
                "")
            .text("①～㈱ 明日の会議は10時からです。", Mails.JIS)
            .render();

    assertThat(page.field("Subject")).isEqualTo("会議①のお知らせ");
    assertThat(page.field("From")).isEqualTo("山田太郎 <taro@example.jp>");
    assertThat(text(page)).contains("①～㈱ 明日の会議は10時からです。");
    assertThat(page.attachments()).isEmpty();
  }

  @Test
  void shiftJisAndEucJpBodiesAndAMissingCharset() {
    assertThat(
            text(
                new Mails()
                    .lines("Subject: sjis", "Content-Type: text/plain; charset=Shift_JIS", "")
                    .text("ﾊﾝｶｸ と 髙橋 ①", Mails.SJIS)
                    .render()))
        .contains("ﾊﾝｶｸ と 髙橋 ①");
    assertThat(
            text(
                new Mails()
                    .lines("Subject: euc", "Content-Type: text/plain; charset=euc-jp", "")
                    .text("日本語のテキスト", Mails.EUC)
                    .render()))
        .contains("日本語のテキスト");
    assertThat(
            text(
                new Mails()
                    .lines(
                        "Subject: no charset", "MIME-Version: 1.0", "Content-Type: text/plain", "")
                    .text("こんにちは", Mails.SJIS)
                    .render()))
        .contains("こんにちは");
    assertThat(
            text(
                new Mails()
                    .lines("Subject: no header at all", "")
                    .text("héllo", StandardCharsets.UTF_8)
                    .render()))
        .contains("héllo");
  }

  @Test
  void anEncodedWordSplitAcrossLinesAndCharsetsIsJoined() {
    byte[] jis = "あいう".getBytes(Mails.JIS);
    String first = Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(jis, 0, 5));
    String second =
        Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(jis, 5, jis.length));
    RenderedMessage page =
        new Mails()
            .lines(
                "Subject: =?ISO-2022-JP?B?" + first + "?=",
                " =?ISO-2022-JP?B?"
                    + second
                    + "?= =?UTF-8?B?"
                    + Base64.getEncoder().encodeToString("・ü".getBytes(StandardCharsets.UTF_8))
                    + "?=",
                "",
                "body")
            .render();

    assertThat(page.field("Subject")).isEqualTo("あいう・ü");
  }

  @Test
  void japaneseAttachmentNamesInRfc2231AndInEncodedWords() {
    RenderedMessage page =
        new Mails()
            .lines(
                "Subject: files",
                "MIME-Version: 1.0",
                "Content-Type: multipart/mixed; boundary=b",
                "",
                "--b",
                "Content-Type: text/plain; charset=ISO-2022-JP",
                "")
            .text("添付します", Mails.JIS)
            .lines(
                "--b",
                "Content-Type: application/pdf",
                "Content-Disposition: attachment;",
                " filename*0*=ISO-2022-JP''%1B%24B%24%22; filename*1*=%24%24%1B%28B.pdf",
                "Content-Transfer-Encoding: base64",
                "",
                "JVBERi0xLjQK",
                "--b",
                "Content-Type: application/vnd.ms-excel; name=\"" + Mails.jisWord("見積書.xls") + "\"",
                "Content-Disposition: attachment",
                "",
                "xls",
                "--b",
                "Content-Type: application/octet-stream",
                "Content-Disposition: attachment; filename*=UTF-8''%E5%A0%B1%E5%91%8A%2Bv2.txt",
                "",
                "x",
                "--b--")
            .render();

    assertThat(text(page)).contains("添付します");
    assertThat(page.attachments())
        .extracting(Attachment::name)
        .containsExactly("あい.pdf", "見積書.xls", "報告+v2.txt");
    assertThat(page.attachments().get(0).path()).isEqualTo("2");
    assertThat(page.attachments().get(0).mediaType()).isEqualTo("application/pdf");
  }

  @Test
  void alternativeShowsTheHtmlAndRelatedKeepsItsImagesOutOfTheAttachments() {
    RenderedMessage page =
        new Mails()
            .lines(
                "Subject: alt",
                "MIME-Version: 1.0",
                "Content-Type: multipart/alternative; boundary=a",
                "",
                "--a",
                "Content-Type: text/plain; charset=UTF-8",
                "",
                "plain version",
                "--a",
                "Content-Type: multipart/related; boundary=r",
                "",
                "--r",
                "Content-Type: text/html; charset=UTF-8",
                "",
                "<p>html <img src=\"cid:logo@x\"></p>",
                "--r",
                "Content-Type: image/png",
                "Content-ID: <logo@x>",
                "Content-Transfer-Encoding: base64",
                "",
                "iVBORw0KGgo=",
                "--r--",
                "--a--")
            .render();

    assertThat(page.body())
        .contains("<iframe")
        .contains("html/2.1")
        .doesNotContain("plain version");
    assertThat(Jsoup.parse(page.body()).selectFirst("iframe").attr("sandbox"))
        .isEqualTo(HtmlRenderer.SANDBOX);
    assertThat(page.attachments()).isEmpty();
  }

  @Test
  void aNestedMessageShowsItsHeaderAndBodyAndIsOfferedForDownload() {
    RenderedMessage page =
        new Mails()
            .lines(
                "Subject: fwd",
                "MIME-Version: 1.0",
                "Content-Type: multipart/mixed; boundary=o",
                "",
                "--o",
                "Content-Type: text/plain",
                "",
                "see below",
                "--o",
                "Content-Type: message/rfc822",
                "",
                "From: Hanako <hanako@example.jp>",
                "Subject: " + Mails.jisWord("転送された件名"),
                "MIME-Version: 1.0",
                "Content-Type: multipart/mixed; boundary=i",
                "",
                "--i",
                "Content-Type: text/plain; charset=ISO-2022-JP",
                "")
            .text("内側の本文", Mails.JIS)
            .lines(
                "--i",
                "Content-Type: image/gif; name=\"a.gif\"",
                "Content-Transfer-Encoding: base64",
                "",
                "R0lGODlhAQABAAAAACw=",
                "--i--",
                "--o--")
            .render();

    String text = text(page);
    assertThat(text).contains("see below", "転送された件名", "Hanako <hanako@example.jp>", "内側の本文");
    assertThat(page.body()).contains("image/2.2");
    assertThat(page.attachments()).extracting(Attachment::path).containsExactly("2.2", "2");
    assertThat(page.attachments().get(1).name()).isEqualTo("part-2.eml");
  }

  @Test
  void plainTextIsEscapedAndItsLinksAreLinks() {
    RenderedMessage page =
        new Mails()
            .lines("Subject: <script>alert(1)</script>", "")
            .lines("<script>alert('x')</script> see https://example.org/a?b=1&c=2.")
            .render();

    assertThat(page.body()).doesNotContain("<script>").contains("&lt;script&gt;");
    assertThat(Jsoup.parse(page.body()).select("a").attr("href"))
        .isEqualTo("https://example.org/a?b=1&c=2");
    assertThat(page.field("Subject")).isEqualTo("<script>alert(1)</script>"); // the view escapes
  }

  @Test
  void brokenMailNeverFails() {
    byte[][] corpus = {
      new Mails()
          .lines("Content-Type: text/plain; charset=ISO-2022-JP", "")
          .raw(new byte[] {0x1B, '$', 'B', '$', '"', '$', 0x1B, '(', 'B', (byte) 0x82, (byte) 0xA0})
          .bytes(),
      new Mails()
          .lines(
              "Content-Type: text/plain; charset=x-no-such-charset",
              "Content-Transfer-Encoding: base64",
              "",
              "!!!not base64@@@")
          .bytes(),
      new Mails()
          .lines(
              "Content-Type: text/plain; charset=\"",
              "Content-Transfer-Encoding: quoted-printable",
              "",
              "=ZZ=E3=81")
          .bytes(),
      new Mails().lines("Content-Type: multipart/mixed; boundary=never", "", "--nope").bytes(),
      new Mails().lines("Content-Type: multipart/mixed", "", "no boundary at all").bytes(),
      new Mails()
          .lines(
              "Subject: =?x-unknown?B?5pel5pys?= =?ISO-2022-JP?B?GyRC?=",
              "Content-Type: message/rfc822",
              "")
          .bytes(),
      new Mails()
          .lines("Content-Type: text/html; charset=utf-8", "", "<html><body><p>unclosed <b><i>")
          .bytes(),
      new byte[0],
    };
    for (byte[] message : corpus) {
      RenderedMessage page = Mails.render(message, false);
      assertThat(page.body()).isNotNull();
    }
    assertThat(text(Mails.render(corpus[0], false))).contains("あ");
  }

  private static String text(RenderedMessage page) {
    return Jsoup.parse(page.body()).text();
  }
}
