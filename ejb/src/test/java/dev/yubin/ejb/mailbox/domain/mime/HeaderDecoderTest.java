package dev.yubin.ejb.mailbox.domain.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class HeaderDecoderTest {

  private static String b(String charset, byte[] bytes) {
    return "=?" + charset + "?B?" + Base64.getEncoder().encodeToString(bytes) + "?=";
  }

  private static byte[] iso(String hex) {
    return hex(hex);
  }

  private static byte[] hex(String hex) {
    String s = hex.replace(" ", "");
    byte[] bytes = new byte[s.length() / 2];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
    }
    return bytes;
  }

  @Test
  void textWithoutEncodedWordsIsUnchanged() {
    assertThat(HeaderDecoder.decode("plain =? text")).isEqualTo("plain =? text");
    assertThat(HeaderDecoder.decode(null)).isNull();
  }

  @Test
  void utf8SplitInsideACharacter() {
    byte[] bytes = "あいう".getBytes(StandardCharsets.UTF_8);
    String header =
        b("UTF-8", java.util.Arrays.copyOf(bytes, 4))
            + " "
            + b("utf-8", java.util.Arrays.copyOfRange(bytes, 4, bytes.length));
    assertThat(HeaderDecoder.decode(header)).isEqualTo("あいう");
  }

  @Test
  void iso2022JpUsesTheWindowsTable() {
    // ESC $ B, ① (2D21), ㈱ (2D6A), ～ (2141: U+FF5E as Windows and WHATWG map it), ESC ( B
    String header = b("iso-2022-jp", iso("1B2442 2D21 2D6A 2141 1B2842"));
    assertThat(HeaderDecoder.decode(header)).isEqualTo("①㈱\uFF5E");
  }

  @Test
  void iso2022JpWithJisX0212IsRetriedWithCp50221() {
    // ESC $ ( D 7429 is 髙 in JIS X 0212; x-windows-iso2022jp rejects it, x-windows-50221 reads it
    String header = b("ISO-2022-JP", iso("1B242844 7429 1B2842"));
    assertThat(HeaderDecoder.decode(header)).isEqualTo("髙");
  }

  @Test
  void japaneseLabelsOutsideTheJdk() {
    byte[] euc = "ＥＵＣ".getBytes(MailCharsets.EUC_JP);
    assertThat(HeaderDecoder.decode(b("cp51932", euc))).isEqualTo("ＥＵＣ");
    assertThat(HeaderDecoder.decode(b("eucjp-ms", euc))).isEqualTo("ＥＵＣ");
    byte[] sjis = "①テスト".getBytes(MailCharsets.WINDOWS_31J);
    assertThat(HeaderDecoder.decode(b("x-sjis", sjis))).isEqualTo("①テスト");
    assertThat(HeaderDecoder.decode(b("cp932", sjis))).isEqualTo("①テスト");
  }

  @Test
  void rfc2231LanguageInTheLabel() {
    String header = b("UTF-8*ja", "日本".getBytes(StandardCharsets.UTF_8));
    assertThat(HeaderDecoder.decode(header)).isEqualTo("日本");
  }

  @Test
  void oneBadWordDoesNotLoseTheRest() {
    String header =
        "Re: "
            + b("x-no-such-charset", "ok".getBytes(StandardCharsets.US_ASCII))
            + " and "
            + b("UTF-8", "café".getBytes(StandardCharsets.UTF_8))
            + " =?UTF-8?X?unknown-encoding?=";
    // a word in an unknown encoding stays as it is (mime4j drops the space before it, as before
    // any encoded word that follows another)
    assertThat(HeaderDecoder.decode(header))
        .isEqualTo("Re: ok and café=?UTF-8?X?unknown-encoding?=");
  }

  @Test
  void encodedWordsNotSeparatedByWhiteSpaceAreDecodedToo() {
    assertThat(HeaderDecoder.decode("Re:=?UTF-8?B?5pel5pys?=")).isEqualTo("Re:日本");
  }
}
