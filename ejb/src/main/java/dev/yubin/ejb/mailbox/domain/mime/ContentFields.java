package dev.yubin.ejb.mailbox.domain.mime;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Parsers for the values of the Content-* header fields (RFC 2045, RFC 2183, RFC 3282). */
final class ContentFields {

  private ContentFields() {}

  /** A parsed Content-Type, or Content-Disposition (its type in {@code subtype}'s place). */
  record Typed(String type, String subtype, List<MimeParameter> parameters) {}

  /**
   * {@code type/subtype *(; parameter)} (RFC 2045 §5.1), type and subtype in lower case; null when
   * the value is not a valid media type (the entity then defaults to text/plain, §5.2).
   */
  static Typed contentType(String value) {
    Rfc822Tokenizer tokens = new Rfc822Tokenizer(value, false);
    tokens.skipLwsp();
    StringBuilder type = new StringBuilder();
    if (tokens.parseContentType(type) < 0) {
      return null;
    }
    int slash = type.indexOf("/");
    return new Typed(
        type.substring(0, slash).toLowerCase(Locale.ROOT),
        type.substring(slash + 1).toLowerCase(Locale.ROOT),
        parameters(tokens));
  }

  /** {@code disposition-type *(; parameter)} (RFC 2183 §2), the type as written; or null. */
  static Typed disposition(String value) {
    Rfc822Tokenizer tokens = new Rfc822Tokenizer(value, false);
    tokens.skipLwsp();
    StringBuilder type = new StringBuilder();
    if (tokens.parseMimeToken(type) < 0 || type.isEmpty()) {
      return null;
    }
    return new Typed(type.toString(), null, parameters(tokens));
  }

  /** The parameters that follow, names in lower case, values raw; broken ones are skipped. */
  private static List<MimeParameter> parameters(Rfc822Tokenizer tokens) {
    List<MimeParameter> parameters = new ArrayList<>();
    StringBuilder value = new StringBuilder();
    String name;
    while ((name = tokens.parseContentParameter(value)) != null) {
      if (name.isEmpty()) {
        if (tokens.atEnd()) {
          break;
        }
        tokens.skip(); // try to go on after the broken piece, as Dovecot does
        continue;
      }
      parameters.add(new MimeParameter(name.toLowerCase(Locale.ROOT), value.toString()));
    }
    return parameters;
  }

  /** A Content-Transfer-Encoding token as written, or null when the value is not one token. */
  static String transferEncoding(String value) {
    Rfc822Tokenizer tokens = new Rfc822Tokenizer(value, false);
    tokens.skipLwsp();
    StringBuilder token = new StringBuilder();
    if (tokens.parseMimeToken(token) >= 0 && tokens.skipLwsp() == 0 && !token.isEmpty()) {
      return token.toString();
    }
    return null;
  }

  /** Content-Language tags (RFC 3282 §2), comma separated. */
  static List<String> language(String value) {
    Rfc822Tokenizer tokens = new Rfc822Tokenizer(value, false);
    tokens.skipLwsp();
    List<String> tags = new ArrayList<>();
    StringBuilder tag = new StringBuilder();
    while (tokens.parseAtom(tag) >= 0) {
      tags.add(tag.toString());
      tag.setLength(0);
      if (tokens.atEnd() || tokens.peek() != ',') {
        break;
      }
      tokens.skip();
      tokens.skipLwsp();
    }
    return tags;
  }
}
