package dev.yubin.protocol.imap;

import dev.yubin.protocol.imap.wire.ImapRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code IDLE}: after the continuation request the server reports changes to the selected mailbox
 * as they happen, until the client sends {@code DONE}.
 *
 * @see "RFC 2177, RFC 9051 §6.3.13"
 */
final class IdleCommand extends ImapCommand {

  IdleCommand() {
    super("IDLE", AUTHENTICATED);
  }

  @Override
  List<String> capabilities(ImapSession session) {
    return List.of("IDLE");
  }

  @Override
  Completion execute(ImapSession session, Request request) {
    request.args().end();
    session.reportUpdates(Updates.ALL);
    session.out().writeLine("+ idling");
    session.setContinuation(new Idling(request.tag()));
    return Completion.PENDING;
  }

  private record Idling(String tag) implements Continuation {

    @Override
    public void line(ImapSession session, ImapRequest line) {
      session.setContinuation(null);
      byte[] text = line.literalCount() == 0 ? onlyLine(line) : null;
      if (text != null && new String(text, StandardCharsets.US_ASCII).equalsIgnoreCase("DONE")) {
        session.reportUpdates(Updates.ALL);
        session.complete(tag, Completion.ok("IDLE terminated"));
      } else {
        line.discard();
        session.complete(tag, Completion.bad("expected DONE"));
      }
    }

    @Override
    public void wake(ImapSession session) {
      session.reportUpdates(Updates.ALL);
    }

    private static byte[] onlyLine(ImapRequest line) {
      var args = line.arguments();
      try {
        String word = args.atom();
        args.end();
        return word.getBytes(StandardCharsets.US_ASCII);
      } catch (RuntimeException e) {
        return null;
      }
    }
  }
}
