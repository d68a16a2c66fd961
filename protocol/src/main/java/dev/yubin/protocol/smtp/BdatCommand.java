package dev.yubin.protocol.smtp;

import dev.yubin.protocol.Reply;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * BDAT chunk-size [SP LAST] (RFC 3030 §2): the next chunk-size octets are message content, taken
 * raw by a {@link ChunkReceiver}; the reply comes once they are in: 250 2.0.0 for a chunk, the
 * delivery reply after LAST. A chunk that cannot be taken is still read to its end and dropped, so
 * that its octets are never taken for commands: without an open transaction or an accepted
 * recipient 503 5.5.1; beyond the size limit 552 5.3.4, with a bare CR or LF 550 5.5.2 (either way
 * the transaction ends). A size that does not parse leaves no way to find the next command (RFC
 * 3030 §2 frames chunks only by their size), so it gets 501 5.5.4 and the connection is closed.
 */
final class BdatCommand implements SmtpCommand {

  private static final Pattern SYNTAX =
      Pattern.compile("([0-9]{1,18})(?: +(LAST))?", Pattern.CASE_INSENSITIVE);
  private static final Reply USAGE = SmtpReplies.syntax("BDAT chunk-size [LAST]");
  private static final Reply NEED_MAIL = SmtpReplies.badSequence("Error: need MAIL command");
  private static final Reply NEED_RCPT = SmtpReplies.badSequence("Error: need RCPT command");

  @Override
  public List<Precondition> preconditions() {
    return List.of(Precondition.GREETED);
  }

  @Override
  public SmtpResponse execute(SmtpSession session, String argument) {
    Matcher matcher = SYNTAX.matcher(argument);
    if (!matcher.matches()) {
      return SmtpResponse.of(USAGE)
          .thenCloseWith(SmtpReplies.cannotResynchronise(session.config().hostname()));
    }
    long size = Long.parseLong(matcher.group(1));
    boolean last = matcher.group(2) != null;
    MailTransaction transaction = session.transaction();
    if (transaction == null) {
      return session.readChunk(ChunkReceiver.discarding(size, NEED_MAIL, false));
    }
    if (transaction.recipientCount() == 0) {
      return session.readChunk(ChunkReceiver.discarding(size, NEED_RCPT, false));
    }
    if (size > session.config().maxMessageSize() - transaction.chunkedSize()) {
      return session.readChunk(ChunkReceiver.discarding(size, SmtpReplies.MESSAGE_TOO_BIG, true));
    }
    if (transaction.chunkSink() == null) {
      try {
        transaction.startChunking(session.backend().openMessage(session.info()));
      } catch (RuntimeException e) {
        SmtpSession.LOG.log(System.Logger.Level.WARNING, "cannot open a message for BDAT", e);
        return session.readChunk(
            ChunkReceiver.discarding(size, SmtpReplies.TEMPORARY_FAILURE, true));
      }
    }
    return session.readChunk(
        ChunkReceiver.into(transaction.chunkSink(), transaction.chunkLineEndings(), size, last));
  }
}
