package dev.yubin.web.interfaces.webmail.render;

import dev.yubin.ejb.mailbox.domain.mime.MimeEntity;
import java.util.HashMap;
import java.util.Map;

/**
 * The parts of a message by Content-ID (RFC 2392 {@code cid:} references, angle brackets removed),
 * as section paths; the first part wins when two share an id. Encapsulated messages are searched
 * too, the outer message's parts first.
 */
public final class ContentIds {

  private ContentIds() {}

  public static Map<String, String> of(MimeEntity root) {
    Map<String, String> ids = new HashMap<>();
    collect(root, "", ids);
    return ids;
  }

  private static void collect(MimeEntity body, String path, Map<String, String> ids) {
    if (!body.isMultipart()) {
      add(body, child(path, 1), ids);
      return;
    }
    for (int i = 0; i < body.children().size(); i++) {
      MimeEntity child = body.children().get(i);
      String childPath = child(path, i + 1);
      if (child.isMultipart()) {
        collect(child, childPath, ids);
      } else {
        add(child, childPath, ids);
        if (child.isMessage()) {
          collect(child.message(), childPath, ids);
        }
      }
    }
  }

  private static void add(MimeEntity entity, String path, Map<String, String> ids) {
    String id = entity.id();
    if (id != null) {
      id = id.strip();
      if (id.startsWith("<") && id.endsWith(">")) {
        id = id.substring(1, id.length() - 1);
      }
      ids.putIfAbsent(id, path);
    }
  }

  static String child(String path, int index) {
    return path.isEmpty() ? String.valueOf(index) : path + "." + index;
  }
}
