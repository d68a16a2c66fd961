package dev.yubin.protocol.imap;

import dev.yubin.protocol.imap.backend.AppendOutcome;
import dev.yubin.protocol.imap.wire.ArgumentReader;
import dev.yubin.protocol.imap.wire.ImapRequest;
import dev.yubin.protocol.imap.wire.ImapSyntaxException;
import dev.yubin.protocol.imap.wire.Literal;
import dev.yubin.protocol.imap.wire.LiteralSink;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code APPEND mailbox [(flags)] [date-time] literal}: stores a message. Its literal went to a
 * sink while it arrived (see {@link ImapSession#literal}); a literal over APPENDLIMIT was refused
 * before the client sent it. The UTF8 form (RFC 6855 §4) carries the message in {@code UTF8
 * (~{n})}.
 *
 * @see "RFC 3501 §6.3.11, RFC 4315 (APPENDUID), RFC 7889 (APPENDLIMIT)"
 */
final class AppendCommand extends ImapCommand {

  AppendCommand() {
    super("APPEND", AUTHENTICATED);
  }

  @Override
  List<String> capabilities(ImapSession session) {
    return List.of("APPENDLIMIT=" + session.config().appendLimit());
  }

  /**
   * Whether a literal announced at the end of {@code partial} is the message (and not the mailbox
   * name): the mailbox argument must already be complete.
   */
  static boolean isMessageLiteral(ImapRequest partial) {
    ArgumentReader args = partial.arguments();
    try {
      args.tag();
      args.space();
      args.keyword();
      args.space();
      args.astring();
      return true;
    } catch (ImapSyntaxException e) {
      return false;
    }
  }

  @Override
  Completion execute(ImapSession session, Request request) {
    ArgumentReader args = request.args();
    args.space();
    String mailbox = session.decodeMailboxName(args.astring());
    args.space();
    Set<String> flags = new LinkedHashSet<>();
    if (args.next('(')) {
      for (String flag : args.flagList(false)) {
        if (!flag.equals("\\Recent")) {
          flags.add(flag);
        }
      }
      args.space();
    }
    OffsetDateTime date = null;
    if (args.next('"')) {
      date = DateTimes.parseDateTime(args.quoted());
      args.space();
    }
    boolean utf8 = false;
    if (!args.next('{') && !args.next('~')) {
      if (!args.keyword().equals("UTF8")) {
        throw new ImapSyntaxException("expected the message literal");
      }
      args.space();
      args.expect('(');
      utf8 = true;
    }
    Literal literal = args.literal();
    if (utf8) {
      args.expect(')');
    }
    args.end();
    LiteralSink content = literal.sink();
    if (content == null) {
      content = session.backend().newMessage(session.principal());
      content.write(literal.bytes(), 0, literal.bytes().length);
    }
    AppendOutcome outcome =
        session.backend().append(session.principal(), mailbox, flags, date, content);
    return switch (outcome.status()) {
      case OK ->
          Completion.ok(
              "APPENDUID " + outcome.uidValidity() + " " + outcome.uid(), "APPEND completed");
      case NO_MAILBOX -> Completion.no("TRYCREATE", "No such mailbox");
      case OVER_QUOTA -> Completion.no("OVERQUOTA", "Quota exceeded");
      case TOO_BIG -> Completion.no("TOOBIG", "Message too large");
      case INVALID -> Completion.no("Message not accepted: not a valid message");
    };
  }
}
