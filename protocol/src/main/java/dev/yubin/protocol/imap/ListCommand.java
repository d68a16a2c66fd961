package dev.yubin.protocol.imap;

import dev.yubin.protocol.imap.backend.MailboxEntry;
import dev.yubin.protocol.imap.backend.MailboxStatus;
import dev.yubin.protocol.imap.wire.ArgumentReader;
import dev.yubin.protocol.imap.wire.ImapSyntaxException;
import dev.yubin.protocol.imap.wire.ResponseLine;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code LIST}, with the extended syntax: selection options (SUBSCRIBED, RECURSIVEMATCH,
 * SPECIAL-USE, REMOTE), several patterns, and return options (SUBSCRIBED, CHILDREN, SPECIAL-USE,
 * STATUS). Child and special-use attributes are always given.
 *
 * @see "RFC 3501 §6.3.8, RFC 5258 (LIST-EXTENDED), RFC 5819 (LIST-STATUS), RFC 6154 §2, RFC 3348
 *     (CHILDREN)"
 */
final class ListCommand extends ImapCommand {

  ListCommand() {
    super("LIST", AUTHENTICATED);
  }

  @Override
  List<String> capabilities(ImapSession session) {
    return List.of("CHILDREN", "LIST-EXTENDED", "LIST-STATUS", "SPECIAL-USE");
  }

  @Override
  Completion execute(ImapSession session, Request request) {
    ArgumentReader args = request.args();
    args.space();
    Set<String> select = new LinkedHashSet<>();
    if (args.consume('(')) {
      if (!args.consume(')')) {
        do {
          select.add(args.keyword());
        } while (args.consume(' '));
        args.expect(')');
      }
      args.space();
    }
    for (String option : select) {
      if (!Set.of("SUBSCRIBED", "REMOTE", "RECURSIVEMATCH", "SPECIAL-USE").contains(option)) {
        throw new ImapSyntaxException("unknown LIST selection option " + option);
      }
    }
    if (select.contains("RECURSIVEMATCH") && select.size() == 1) {
      throw new ImapSyntaxException("RECURSIVEMATCH needs another selection option");
    }
    String reference = session.decodeMailboxName(args.astring());
    args.space();
    List<String> patterns = new ArrayList<>();
    if (args.consume('(')) {
      do {
        patterns.add(args.listMailbox());
      } while (args.consume(' '));
      args.expect(')');
    } else {
      patterns.add(args.listMailbox());
    }
    Set<String> returns = new LinkedHashSet<>();
    List<String> statusItems = null;
    if (args.consume(' ')) {
      if (!args.keyword().equals("RETURN")) {
        throw new ImapSyntaxException("expected RETURN");
      }
      args.space();
      args.expect('(');
      if (!args.consume(')')) {
        do {
          String option = args.keyword();
          if (option.equals("STATUS")) {
            args.space();
            statusItems = StatusCommand.items(args);
          } else if (!Set.of("SUBSCRIBED", "CHILDREN", "SPECIAL-USE").contains(option)) {
            throw new ImapSyntaxException("unknown LIST return option " + option);
          }
          returns.add(option);
        } while (args.consume(' '));
        args.expect(')');
      }
    }
    args.end();
    if (patterns.size() == 1 && patterns.get(0).isEmpty() && select.isEmpty()) {
      // RFC 3501 §6.3.8: an empty pattern asks for the delimiter and root.
      session.untagged().ascii("LIST (\\Noselect) \"/\" \"\"").writeTo(session.out());
      return Completion.ok("LIST completed");
    }
    List<String> decoded = new ArrayList<>();
    for (String pattern : patterns) {
      decoded.add(session.decodeMailboxName(pattern));
    }
    respond(session, reference, decoded, select, returns, statusItems, "LIST");
    return Completion.ok("LIST completed");
  }

  /** Writes the LIST (or LSUB) responses; shared with {@link LsubCommand}. */
  static void respond(
      ImapSession session,
      String reference,
      List<String> patterns,
      Set<String> select,
      Set<String> returns,
      List<String> statusItems,
      String response) {
    List<MailboxPattern> matchers = new ArrayList<>();
    for (String pattern : patterns) {
      matchers.add(MailboxPattern.of(reference, pattern));
    }
    List<MailboxEntry> mailboxes = session.backend().mailboxes(session.principal());
    Set<String> subscriptions = session.backend().subscriptions(session.principal());
    Map<String, MailboxEntry> byName = new TreeMap<>();
    for (MailboxEntry entry : mailboxes) {
      byName.put(entry.name(), entry);
    }
    boolean subscribedOnly = select.contains("SUBSCRIBED");
    boolean specialUseOnly = select.contains("SPECIAL-USE");
    Set<String> candidates = new LinkedHashSet<>(byName.keySet());
    if (subscribedOnly) {
      candidates.addAll(subscriptions);
    }
    for (String name : new java.util.TreeSet<>(candidates)) {
      if (!matches(matchers, name)) {
        continue;
      }
      MailboxEntry entry = byName.get(name);
      boolean subscribed = subscriptions.contains(name);
      boolean childSubscribed = false;
      if (subscribedOnly && !subscribed) {
        if (!select.contains("RECURSIVEMATCH")) {
          continue;
        }
        childSubscribed = subscriptions.stream().anyMatch(s -> s.startsWith(name + "/"));
        if (!childSubscribed) {
          continue;
        }
      } else if (subscribedOnly && select.contains("RECURSIVEMATCH")) {
        childSubscribed = subscriptions.stream().anyMatch(s -> s.startsWith(name + "/"));
      }
      if (specialUseOnly && (entry == null || entry.specialUse().isEmpty())) {
        continue;
      }
      List<String> attributes = new ArrayList<>();
      if (entry == null) {
        attributes.add("\\NonExistent");
      } else {
        boolean children = byName.keySet().stream().anyMatch(n -> n.startsWith(name + "/"));
        attributes.add(children ? "\\HasChildren" : "\\HasNoChildren");
        attributes.addAll(entry.specialUse());
      }
      if (subscribed
          && response.equals("LIST")
          && (subscribedOnly || returns.contains("SUBSCRIBED"))) {
        attributes.add("\\Subscribed");
      }
      ResponseLine line = session.untagged().ascii(response + " (");
      line.ascii(String.join(" ", attributes)).ascii(") \"/\" ");
      line.string(session.encodeMailboxName(name));
      if (childSubscribed && !subscribed) {
        line.ascii(" (\"CHILDINFO\" (\"SUBSCRIBED\"))");
      }
      line.writeTo(session.out());
      if (statusItems != null && entry != null) {
        MailboxStatus status = session.backend().status(session.principal(), name);
        if (status != null) {
          StatusCommand.write(session, name, status, statusItems);
        }
      }
    }
  }

  private static boolean matches(List<MailboxPattern> matchers, String name) {
    for (MailboxPattern matcher : matchers) {
      if (matcher.matches(name)) {
        return true;
      }
    }
    return false;
  }
}
