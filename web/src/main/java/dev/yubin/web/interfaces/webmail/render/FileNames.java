package dev.yubin.web.interfaces.webmail.render;

import dev.yubin.ejb.mailbox.domain.mime.HeaderDecoder;
import dev.yubin.ejb.mailbox.domain.mime.MimeEntity;
import dev.yubin.ejb.mailbox.domain.mime.MimeParameter;
import dev.yubin.ejb.mailbox.domain.mime.MimeParameters;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A part's file name as the user should see it: the Content-Disposition {@code filename}, else the
 * Content-Type {@code name}; RFC 2231 values (continuations joined, {@code charset'lang'%XX})
 * decoded through the store's charset table, and RFC 2047 encoded words inside quoted values
 * decoded too (the common non-standard form of Japanese mailers). Path separators and control
 * characters are replaced, so a name never leaves a download folder.
 */
public final class FileNames {

  private FileNames() {}

  /** The decoded name, or null when the part has none. */
  public static String of(MimeEntity entity) {
    String name = find(entity.dispositionParameters(), "filename");
    if (name == null) {
      name = find(entity.parameters(), "name");
    }
    return name == null || name.isBlank() ? null : safe(name);
  }

  private static String find(List<MimeParameter> parameters, String base) {
    List<MimeParameter> joined = MimeParameters.joinContinuations(parameters);
    for (MimeParameter parameter : joined) {
      if (parameter.name().equalsIgnoreCase(base + "*")) {
        return rfc2231(parameter.value());
      }
    }
    for (MimeParameter parameter : joined) {
      if (parameter.name().equalsIgnoreCase(base)) {
        return HeaderDecoder.decode(parameter.value());
      }
    }
    return null;
  }

  /** {@code charset'language'%XX...} (RFC 2231 §4); without the two quotes, the value as it is. */
  static String rfc2231(String value) {
    int first = value.indexOf('\'');
    int second = first < 0 ? -1 : value.indexOf('\'', first + 1);
    if (second < 0) {
      return value;
    }
    String label = value.substring(0, first);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    String encoded = value.substring(second + 1);
    for (int i = 0; i < encoded.length(); i++) {
      char c = encoded.charAt(i);
      if (c == '%' && hex(encoded, i + 1)) {
        bytes.write(Integer.parseInt(encoded.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
      }
    }
    return PartContent.decode(bytes.toByteArray(), label.isEmpty() ? null : label);
  }

  private static boolean hex(String s, int at) {
    return at + 1 < s.length()
        && Character.digit(s.charAt(at), 16) >= 0
        && Character.digit(s.charAt(at + 1), 16) >= 0;
  }

  /** The name with separators and control characters replaced by {@code _}. */
  static String safe(String name) {
    StringBuilder out = new StringBuilder(name.length());
    name.strip()
        .codePoints()
        .forEach(
            c ->
                out.appendCodePoint(
                    c == '/' || c == '\\' || Character.isISOControl(c) || c == 0x7F ? '_' : c));
    String result = out.toString();
    return result.equals(".") || result.equals("..") ? "_" : result;
  }
}
