package dev.yubin.ejb.mailbox.domain.mime;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;

/**
 * Decodes RFC 2047 encoded words in header text with mime4j's {@code DecoderUtil}, which joins the
 * octets of adjacent words in one charset before decoding (a character split across two words,
 * ISO-2022-JP runs included, comes out whole). Charset labels go through {@link MailCharsets}'s
 * table first; a word in a charset nobody knows is decoded as UTF-8, so one bad word never loses
 * the rest of the header.
 */
public final class HeaderDecoder {

  /** {@code =?charset[*language]?}: the label of one encoded word (RFC 2047 §2, RFC 2231 §5). */
  private static final Pattern LABEL = Pattern.compile("=\\?([^?\\s]+)\\?(?=[bBqQ]\\?)");

  private static final Map<Charset, Charset> RETRY_0212 = retryOverrides();

  private HeaderDecoder() {}

  private static Map<Charset, Charset> retryOverrides() {
    Map<Charset, Charset> overrides = new HashMap<>(MailCharsets.OVERRIDES);
    overrides.replaceAll(
        (from, to) -> MailCharsets.isIso2022Jp(to) ? MailCharsets.ISO_2022_JP_0212 : to);
    overrides.put(MailCharsets.ISO_2022_JP, MailCharsets.ISO_2022_JP_0212);
    return overrides;
  }

  /** {@code text} with its encoded words decoded; text without any is returned as it is. */
  public static String decode(String text) {
    if (text == null || !text.contains("=?")) {
      return text;
    }
    boolean[] iso2022jp = new boolean[1];
    String labelled = relabel(text, iso2022jp);
    String decoded = decode(labelled, MailCharsets.OVERRIDES);
    if (iso2022jp[0] && decoded.indexOf('\uFFFD') >= 0) {
      // JIS X 0212 (ESC $ ( D) is malformed for x-windows-iso2022jp; x-windows-50221 reads it
      String retried = decode(labelled, RETRY_0212);
      if (count(retried) < count(decoded)) {
        decoded = retried;
      }
    }
    return decoded;
  }

  private static String decode(String text, Map<Charset, Charset> overrides) {
    return DecoderUtil.decodeEncodedWords(
        text, DecodeMonitor.SILENT, StandardCharsets.UTF_8, overrides);
  }

  private static int count(String text) {
    return (int) text.chars().filter(c -> c == '\uFFFD').count();
  }

  /** Replaces each word's label by the name of the charset the table gives it. */
  private static String relabel(String text, boolean[] iso2022jp) {
    Matcher m = LABEL.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (m.find()) {
      String label = m.group(1);
      int star = label.indexOf('*');
      Charset charset = MailCharsets.forLabel(star < 0 ? label : label.substring(0, star));
      String name = charset == null ? label : charset.name();
      iso2022jp[0] |= charset != null && MailCharsets.isIso2022Jp(charset);
      m.appendReplacement(out, Matcher.quoteReplacement("=?" + name + "?"));
    }
    m.appendTail(out);
    return out.toString();
  }
}
