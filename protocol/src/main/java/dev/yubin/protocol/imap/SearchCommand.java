package dev.yubin.protocol.imap;

import dev.yubin.protocol.imap.wire.ArgumentReader;
import java.util.List;

/**
 * {@code SEARCH [RETURN (options)] [CHARSET name] keys} and {@code UID SEARCH}: the messages
 * matching every key, as message numbers or UIDs. Without RETURN the answer is {@code * SEARCH}
 * (IMAP4rev1); with RETURN, or once IMAP4rev2 is enabled, one {@code * ESEARCH}. A MODSEQ key adds
 * the highest MODSEQ of the result and enables CONDSTORE. RETURN (SAVE) keeps the result for {@code
 * $}; a SEARCH with SAVE that fails empties it.
 *
 * @see "RFC 3501 §6.4.4, RFC 9051 §6.4.4, RFC 4731 (ESEARCH), RFC 5182 (SEARCHRES), RFC 5032
 *     (WITHIN), RFC 7162 §3.1.5 (MODSEQ)"
 */
final class SearchCommand extends MessageNumberCommand {

  SearchCommand() {
    super("SEARCH");
  }

  @Override
  List<String> capabilities(ImapSession session) {
    return List.of("ESEARCH", "SEARCHRES", "WITHIN");
  }

  @Override
  Completion execute(ImapSession session, Request request) {
    ArgumentReader args = request.args();
    SelectedMailbox mailbox = session.selected();
    args.space();
    String word = word(args);
    SearchReturn returns = null;
    if ("RETURN".equals(word)) {
      args.space();
      returns = SearchReturn.parse(args);
      args.space();
      word = word(args);
    }
    boolean saves = returns != null && returns.saves();
    Completion completion = null;
    try {
      completion = search(session, request, returns, word);
      return completion;
    } finally {
      if (saves && (completion == null || completion.status() != Completion.Status.OK)) {
        mailbox.save(new long[0]); // a failed SEARCH with SAVE leaves $ empty (RFC 5182 §2.1)
      }
    }
  }

  private static Completion search(
      ImapSession session, Request request, SearchReturn returns, String word) {
    ArgumentReader args = request.args();
    SelectedMailbox mailbox = session.selected();
    String charset = null;
    if ("CHARSET".equals(word)) {
      args.space();
      charset = args.astring();
      args.space();
      word = word(args);
    }
    SearchParser.Program program = SearchParser.parse(args, mailbox, word);
    Completion refused =
        charset == null ? null : SearchParser.checkCharset(session, charset, false);
    if (refused != null) {
      return refused;
    }
    if (program.usesModseq()) {
      session.enable("CONDSTORE");
    }
    long[] uids = SearchResults.search(session, mailbox, program);
    long[] numbers = SearchResults.numbers(mailbox, uids, request.uid());
    if (returns == null && session.isEnabled("IMAP4REV2")) {
      returns = SearchReturn.ALL;
    }
    if (returns == null) {
      long modseq = program.usesModseq() ? SearchResults.highestModseq(session, mailbox, uids) : -1;
      SearchResults.write(session, "SEARCH", numbers, modseq);
      return Completion.ok("SEARCH completed");
    }
    if (returns.saves()) {
      mailbox.save(returns.scope(uids));
    }
    if (returns.responds()) {
      long modseq =
          program.usesModseq()
              ? SearchResults.highestModseq(session, mailbox, returns.scope(uids))
              : -1;
      returns.write(session, request.tag(), request.uid(), numbers, modseq);
    }
    return Completion.ok("SEARCH completed");
  }

  /** The next word when a letter starts it (RETURN, CHARSET or a key's name), else null. */
  private static String word(ArgumentReader args) {
    int c = args.peek();
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ? args.keyword() : null;
  }
}
