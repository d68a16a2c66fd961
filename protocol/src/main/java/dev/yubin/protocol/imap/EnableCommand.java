package dev.yubin.protocol.imap;

import dev.yubin.protocol.imap.wire.ArgumentReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code ENABLE ext...}: turns on extensions that change responses. Unknown ones are ignored;
 * {@code * ENABLED} lists those newly enabled.
 *
 * @see "RFC 5161; RFC 7162 §3.1.8, §3.2.3 (CONDSTORE, QRESYNC); RFC 6855 (UTF8=ACCEPT); RFC 9051
 *     §6.3.1 (IMAP4rev2)"
 */
final class EnableCommand extends ImapCommand {

  private static final Set<String> ENABLEABLE =
      Set.of("CONDSTORE", "QRESYNC", "UTF8=ACCEPT", "IMAP4REV2");

  EnableCommand() {
    super("ENABLE", AUTHENTICATED);
  }

  @Override
  List<String> capabilities(ImapSession session) {
    return List.of("ENABLE", "UTF8=ACCEPT");
  }

  @Override
  Completion execute(ImapSession session, Request request) {
    ArgumentReader args = request.args();
    List<String> names = new ArrayList<>();
    do {
      args.space();
      names.add(args.keyword());
    } while (!args.atEnd());
    List<String> newly = new ArrayList<>();
    for (String name : names) {
      boolean offered = session.capabilities().stream().anyMatch(c -> c.equalsIgnoreCase(name));
      if (!ENABLEABLE.contains(name) || !offered) {
        continue;
      }
      if (name.equals("QRESYNC")) {
        session.enable("CONDSTORE"); // implied, but not listed (RFC 7162 §3.2.3)
      }
      if (session.enable(name)) {
        newly.add(name.equals("IMAP4REV2") ? "IMAP4rev2" : name);
      }
    }
    session
        .untagged()
        .ascii("ENABLED" + (newly.isEmpty() ? "" : " " + String.join(" ", newly)))
        .writeTo(session.out());
    return Completion.ok("ENABLE completed");
  }
}
