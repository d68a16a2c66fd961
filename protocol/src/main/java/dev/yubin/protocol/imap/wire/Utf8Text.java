package dev.yubin.protocol.imap.wire;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strings from the wire as UTF-8, strictly: malformed sequences (overlong forms, encoded
 * surrogates, stray bytes) are a syntax error, never replaced, so two different byte strings never
 * become one name.
 *
 * @see "RFC 3629 §3; RFC 6855 §3"
 */
final class Utf8Text {

  private Utf8Text() {}

  static String decode(byte[] bytes, int offset, int length) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, offset, length))
          .toString();
    } catch (CharacterCodingException e) {
      throw new ImapSyntaxException("invalid UTF-8 in a string");
    }
  }
}
