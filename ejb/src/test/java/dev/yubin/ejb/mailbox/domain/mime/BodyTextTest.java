package dev.yubin.ejb.mailbox.domain.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BodyTextTest {

  private static String text(byte[] message, int limit) throws Exception {
    MessageStructure structure =
        new MimeStructureParser().parse(new ByteArrayInputStream(message)).structure();
    return BodyText.extract(
        structure,
        (offset, length) -> new ByteArrayInputStream(message, (int) offset, (int) length),
        limit);
  }

  private static String text(String corpusName) throws Exception {
    return text(Corpus.message(corpusName), BodyText.DEFAULT_LIMIT);
  }

  @Test
  void quotedPrintablePlainTextAndHtmlWithoutTagsScriptsOrStyles() throws Exception {
    String text = text("03-alternative");
    assertThat(text)
        .startsWith(
            "Plain version of the news with a long line that is wrapped by quoted-printable soft"
                + " line breaks.\n");
    assertThat(text).contains("HTML version & café").doesNotContain("alert", "color", "<p>");
  }

  @Test
  void japaneseCharsetsThroughTheLabelTable() throws Exception {
    assertThat(text("16-iso2022jp")).isEqualTo("お世話になっております。①の件です。\r\n");
    assertThat(text("18-subject-sjis")).isEqualTo("シフトJISの本文です。①㈱～\n");
    assertThat(text("28-eucjp")).isEqualTo("ＥＵＣの本文です。\r\n");
    assertThat(text("02-mixed-attachments")).isEqualTo("ボブさん、\r\n報告書を添付します。");
  }

  @Test
  void textOfEncapsulatedMessagesCounts() throws Exception {
    String text = text("05-forwarded");
    assertThat(text).contains("See below.", "Bonjour, voilà le texte.", "No MIME here.");
  }

  @Test
  void htmlEntitiesAreDecoded() throws Exception {
    assertThat(text("23-html-latin1")).contains("Café crème", "Olé é <tag>");
  }

  @Test
  void iso2022JpWithJisX0212IsRetried() throws Exception {
    byte[] head =
        ("Content-Type: text/plain; charset=iso-2022-jp\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    byte[] body = {0x1B, '$', '(', 'D', 0x74, 0x29, 0x1B, '(', 'B', '\r', '\n'};
    byte[] message = new byte[head.length + body.length];
    System.arraycopy(head, 0, message, 0, head.length);
    System.arraycopy(body, 0, message, head.length, body.length);
    assertThat(text(message, BodyText.DEFAULT_LIMIT)).isEqualTo("髙\r\n");
  }

  @Test
  void unlabelledEightBitTextIsReadAsUtf8() throws Exception {
    byte[] message = "Subject: x\r\n\r\nnaïve 日本\r\n".getBytes(StandardCharsets.UTF_8);
    assertThat(text(message, BodyText.DEFAULT_LIMIT)).isEqualTo("naïve 日本\r\n");
  }

  @Test
  void stopsAtTheLimit() throws Exception {
    assertThat(text(Corpus.message("05-forwarded"), 12)).hasSize(12);
  }

  @Test
  void skipsAttachmentsThatAreNotText() throws Exception {
    assertThat(text("09-bare-lf")).isEqualTo("line one\nline two\n");
  }
}
