package dev.yubin.ejb.mailbox.domain.mime;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Yubin's charset label table (research/webmail.md, "What Yubin should take" 1): the Japanese
 * labels map to the decoders that agree with the WHATWG encoding standard (and so with browsers and
 * Windows mailers), not to the JDK's strict JIS tables; other labels go to the JDK.
 *
 * <ul>
 *   <li>shift_jis, sjis, x-sjis, ms_kanji, cp932, windows-31j → windows-31j
 *   <li>euc-jp, x-euc-jp, eucjp-ms, cp51932 → x-eucJP-Open
 *   <li>iso-2022-jp, csISO2022JP, jis, cp5022x → x-windows-iso2022jp, retried with x-windows-50221
 *       (for JIS X 0212), then decoded leniently
 * </ul>
 */
public final class MailCharsets {

  static final Charset WINDOWS_31J = Charset.forName("windows-31j");
  static final Charset EUC_JP = Charset.forName("x-eucJP-Open");
  static final Charset ISO_2022_JP = Charset.forName("x-windows-iso2022jp");

  /** The retry for ISO-2022-JP text that uses JIS X 0212 ({@code ESC $ ( D}). */
  static final Charset ISO_2022_JP_0212 = Charset.forName("x-windows-50221");

  private static final Map<String, Charset> JAPANESE =
      Map.ofEntries(
          Map.entry("shift_jis", WINDOWS_31J),
          Map.entry("shift-jis", WINDOWS_31J),
          Map.entry("sjis", WINDOWS_31J),
          Map.entry("x-sjis", WINDOWS_31J),
          Map.entry("ms_kanji", WINDOWS_31J),
          Map.entry("csshiftjis", WINDOWS_31J),
          Map.entry("cp932", WINDOWS_31J),
          Map.entry("ms932", WINDOWS_31J),
          Map.entry("windows-31j", WINDOWS_31J),
          Map.entry("euc-jp", EUC_JP),
          Map.entry("x-euc-jp", EUC_JP),
          Map.entry("eucjp", EUC_JP),
          Map.entry("eucjp-ms", EUC_JP),
          Map.entry("cp51932", EUC_JP),
          Map.entry("cseucpkdfmtjapanese", EUC_JP),
          Map.entry("iso-2022-jp", ISO_2022_JP),
          Map.entry("csiso2022jp", ISO_2022_JP),
          Map.entry("jis", ISO_2022_JP),
          Map.entry("cp50220", ISO_2022_JP),
          Map.entry("cp50221", ISO_2022_JP),
          Map.entry("cp50222", ISO_2022_JP));

  /**
   * The JDK charsets that the Japanese labels resolve to on their own, and the decoder the table
   * uses instead (for mime4j's {@code charsetOverrides}).
   */
  static final Map<Charset, Charset> OVERRIDES =
      Map.of(
          Charset.forName("Shift_JIS"), WINDOWS_31J,
          Charset.forName("EUC-JP"), EUC_JP,
          Charset.forName("ISO-2022-JP"), ISO_2022_JP,
          Charset.forName("x-windows-50220"), ISO_2022_JP,
          Charset.forName("x-windows-50221"), ISO_2022_JP);

  private MailCharsets() {}

  /** The charset for a MIME charset label, or null when neither the table nor the JDK knows it. */
  public static Charset forLabel(String label) {
    if (label == null) {
      return null;
    }
    String key = label.strip().toLowerCase(Locale.ROOT);
    if (key.startsWith("\"") && key.endsWith("\"") && key.length() >= 2) {
      key = key.substring(1, key.length() - 1);
    }
    Charset japanese = JAPANESE.get(key);
    if (japanese != null) {
      return japanese;
    }
    try {
      Charset charset = Charset.forName(key);
      return OVERRIDES.getOrDefault(charset, charset);
    } catch (IllegalArgumentException e) { // unknown or illegal name
      return null;
    }
  }

  static boolean isIso2022Jp(Charset charset) {
    return charset.equals(ISO_2022_JP);
  }

  /** Decodes {@code bytes} strictly; null when they are malformed in {@code charset}. */
  static String decodeStrictly(byte[] bytes, Charset charset) {
    try {
      return charset
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /**
   * Decodes labelled text: strictly first, and for ISO-2022-JP then with JIS X 0212, and finally
   * leniently (U+FFFD for what does not decode).
   */
  public static String decode(byte[] bytes, Charset charset) {
    String text = decodeStrictly(bytes, charset);
    if (text == null && isIso2022Jp(charset)) {
      text = decodeStrictly(bytes, ISO_2022_JP_0212);
    }
    return text != null ? text : new String(bytes, charset);
  }

  /**
   * Text from header octets that carry no label: ASCII as it is, UTF-8 when valid (RFC 6532), else
   * EUC-JP or Shift_JIS when the octets are valid there (raw 8-bit Japanese headers), else
   * ISO-8859-1.
   */
  public static String decodeUnlabelled(byte[] bytes) {
    boolean ascii = true;
    for (byte b : bytes) {
      if (b < 0) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      return new String(bytes, StandardCharsets.ISO_8859_1);
    }
    for (Charset charset : new Charset[] {StandardCharsets.UTF_8, EUC_JP, WINDOWS_31J}) {
      String text = decodeStrictly(bytes, charset);
      if (text != null) {
        return text;
      }
    }
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }

  /** A lenient decoder for streaming, reporting malformed input when {@code strict}. */
  static java.nio.charset.CharsetDecoder decoder(Charset charset, boolean strict) {
    CodingErrorAction action = strict ? CodingErrorAction.REPORT : CodingErrorAction.REPLACE;
    return charset.newDecoder().onMalformedInput(action).onUnmappableCharacter(action);
  }
}
