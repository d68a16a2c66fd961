package dev.yubin.protocol.imap;

import dev.yubin.protocol.imap.wire.ResponseLine;
import java.util.List;
import java.util.Set;

/** Writing flags: FLAGS and PERMANENTFLAGS responses, and flag lists in FETCH. */
final class Flags {

  static final List<String> SYSTEM =
      List.of("\\Answered", "\\Flagged", "\\Deleted", "\\Seen", "\\Draft");

  private Flags() {}

  /** {@code * FLAGS (...)} and {@code * OK [PERMANENTFLAGS (...)]} for the selected mailbox. */
  static void writeFlags(ImapSession session, SelectedMailbox mailbox) {
    StringBuilder defined = new StringBuilder(String.join(" ", SYSTEM));
    for (String keyword : mailbox.keywords()) {
      defined.append(' ').append(keyword);
    }
    session.untagged().ascii("FLAGS (" + defined + ")").writeTo(session.out());
    String permanent = mailbox.readOnly() ? "" : defined + " \\*";
    session
        .untagged()
        .ascii("OK [PERMANENTFLAGS (" + permanent + ")] Flags permitted")
        .writeTo(session.out());
  }

  /** A parenthesized flag list, \Recent added when the message is recent to the session. */
  static void writeFlagList(ResponseLine line, Set<String> flags, boolean recent) {
    line.ascii("FLAGS (");
    boolean first = true;
    for (String flag : SYSTEM) {
      if (flags.contains(flag)) {
        line.ascii(first ? flag : " " + flag);
        first = false;
      }
    }
    for (String flag : flags) {
      if (!flag.startsWith("\\")) {
        line.ascii(first ? flag : " " + flag);
        first = false;
      }
    }
    if (recent) {
      line.ascii(first ? "\\Recent" : " \\Recent");
    }
    line.close();
  }
}
