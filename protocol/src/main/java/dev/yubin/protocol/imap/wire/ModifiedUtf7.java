package dev.yubin.protocol.imap.wire;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * IMAP's modified UTF-7 for mailbox names (RFC 3501 §5.1.3): printable ASCII stands for itself, "&"
 * is "&-", anything else is UTF-16 in base64 with "," for "/", between "&" and "-". IMAP4rev2 and
 * UTF8=ACCEPT clients use UTF-8 instead (RFC 9051 §5.1, RFC 6855 §3).
 */
public final class ModifiedUtf7 {

  private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getDecoder();

  private ModifiedUtf7() {}

  public static String encode(String name) {
    StringBuilder out = new StringBuilder(name.length() + 8);
    int i = 0;
    while (i < name.length()) {
      char c = name.charAt(i);
      if (c >= 0x20 && c <= 0x7e) {
        out.append(c == '&' ? "&-" : String.valueOf(c));
        i++;
        continue;
      }
      int start = i;
      while (i < name.length() && (name.charAt(i) < 0x20 || name.charAt(i) > 0x7e)) {
        i++;
      }
      byte[] utf16 = name.substring(start, i).getBytes(StandardCharsets.UTF_16BE);
      out.append('&').append(ENCODER.encodeToString(utf16).replace('/', ',')).append('-');
    }
    return out.toString();
  }

  /**
   * Decodes a name; throws {@link IllegalArgumentException} for text that is not modified UTF-7
   * (8-bit octets, an unterminated or malformed shift, a shift that encodes printable ASCII).
   */
  public static String decode(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        throw new IllegalArgumentException("not modified UTF-7: 8-bit or control character");
      }
      if (c != '&') {
        out.append(c);
        i++;
        continue;
      }
      int dash = text.indexOf('-', i + 1);
      if (dash < 0) {
        throw new IllegalArgumentException("not modified UTF-7: unterminated shift");
      }
      if (dash == i + 1) {
        out.append('&');
      } else {
        out.append(decodeShift(text.substring(i + 1, dash)));
      }
      i = dash + 1;
    }
    return out.toString();
  }

  private static String decodeShift(String base64) {
    if (base64.indexOf('/') >= 0 || base64.indexOf('=') >= 0) {
      throw new IllegalArgumentException("not modified UTF-7: bad base64");
    }
    byte[] bytes;
    try {
      bytes = DECODER.decode(base64.replace(',', '/'));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not modified UTF-7: bad base64", e);
    }
    if (bytes.length == 0 || bytes.length % 2 != 0) {
      throw new IllegalArgumentException("not modified UTF-7: not UTF-16");
    }
    String decoded;
    try {
      decoded =
          StandardCharsets.UTF_16BE
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("not modified UTF-7: bad UTF-16", e);
    }
    for (int k = 0; k < decoded.length(); k++) {
      char d = decoded.charAt(k);
      if (d >= 0x20 && d <= 0x7e) {
        throw new IllegalArgumentException("not modified UTF-7: shifted printable ASCII");
      }
    }
    return CharBuffer.wrap(decoded).toString();
  }
}
