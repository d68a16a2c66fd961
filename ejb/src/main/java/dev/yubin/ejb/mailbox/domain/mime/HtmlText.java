package dev.yubin.ejb.mailbox.domain.mime;

import java.util.Locale;
import java.util.Map;

/**
 * Reduces HTML to its text as it streams by, crudely but safely for search: tags become a space,
 * comments and the content of script and style elements are dropped, and character references are
 * decoded (numeric ones and the few named ones mail uses most). Not a renderer.
 */
final class HtmlText {

  private static final Map<String, String> ENTITIES =
      Map.of(
          "amp", "&", "lt", "<", "gt", ">", "quot", "\"", "apos", "'", "nbsp", " ", "copy", "©",
          "eacute", "é");

  private enum State {
    TEXT,
    TAG,
    COMMENT,
    ENTITY
  }

  private final StringBuilder out;
  private State state = State.TEXT;
  private final StringBuilder pending = new StringBuilder();
  private String skipUntil; // "</script" or "</style" while inside one

  HtmlText(StringBuilder out) {
    this.out = out;
  }

  /** Takes {@code n} characters of HTML, writing text to the output up to {@code limit}. */
  void feed(char[] chars, int n, int limit) {
    for (int i = 0; i < n && out.length() < limit; i++) {
      char c = chars[i];
      switch (state) {
        case TEXT -> text(c);
        case TAG -> tag(c);
        case COMMENT -> comment(c);
        case ENTITY -> entity(c);
      }
    }
  }

  private void text(char c) {
    if (c == '<') {
      state = State.TAG;
      pending.setLength(0);
    } else if (skipUntil != null) {
      // inside script or style: nothing is text
    } else if (c == '&') {
      state = State.ENTITY;
      pending.setLength(0);
    } else {
      out.append(c);
    }
  }

  private void tag(char c) {
    if (c == '>') {
      String tag = pending.toString().toLowerCase(Locale.ROOT);
      state = State.TEXT;
      if (skipUntil != null) {
        if (("<" + tag).startsWith(skipUntil)) {
          skipUntil = null;
        }
        return;
      }
      if (tag.startsWith("script") || tag.startsWith("style")) {
        skipUntil = tag.startsWith("script") ? "</script" : "</style";
      }
      out.append(' ');
      return;
    }
    if (pending.length() < 16) {
      pending.append(c);
      if (pending.length() == 3 && pending.toString().equals("!--")) {
        state = State.COMMENT;
        pending.setLength(0);
      }
    }
  }

  private void comment(char c) {
    pending.append(c);
    if (pending.length() > 3) {
      pending.deleteCharAt(0);
    }
    if (pending.toString().equals("-->")) {
      state = State.TEXT;
    }
  }

  private void entity(char c) {
    if (c == ';' || pending.length() >= 10 || !(Character.isLetterOrDigit(c) || c == '#')) {
      String name = pending.toString();
      String decoded = decode(name);
      state = State.TEXT;
      if (decoded != null && c == ';') {
        out.append(decoded);
      } else {
        out.append('&').append(name);
        if (c != ';') {
          text(c);
        } else {
          out.append(';');
        }
      }
      return;
    }
    pending.append(c);
  }

  private static String decode(String name) {
    if (name.startsWith("#")) {
      try {
        int code =
            name.startsWith("#x") || name.startsWith("#X")
                ? Integer.parseInt(name.substring(2), 16)
                : Integer.parseInt(name.substring(1));
        return Character.isValidCodePoint(code) ? new String(Character.toChars(code)) : null;
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return ENTITIES.get(name.toLowerCase(Locale.ROOT));
  }
}
