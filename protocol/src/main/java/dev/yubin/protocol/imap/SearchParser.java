package dev.yubin.protocol.imap;

import dev.yubin.protocol.imap.backend.SearchKey;
import dev.yubin.protocol.imap.backend.SearchKey.Comparison;
import dev.yubin.protocol.imap.wire.ArgumentReader;
import dev.yubin.protocol.imap.wire.ImapSyntaxException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads a search program ({@code search-key *(SP search-key)}) into a {@link SearchKey}, resolving
 * what only the session knows: message numbers, {@code $} and \Recent (RECENT, NEW, OLD) become UID
 * ranges of the selected mailbox, OLDER and YOUNGER become instants. It reads to the end of the
 * command.
 *
 * @see "RFC 3501 §6.4.4, RFC 9051 §6.4.4, RFC 7162 §3.1.5 (MODSEQ), RFC 5032 (OLDER, YOUNGER)"
 */
final class SearchParser {

  /** NOT, OR and parentheses nest at most this deep, so a hostile program cannot exhaust stacks. */
  private static final int MAX_DEPTH = 256;

  /** The charsets SEARCH, SORT and THREAD accept, as BADCHARSET lists them. */
  private static final String CHARSETS = "(UTF-8 US-ASCII)";

  private static final Pattern DATE_TEXT = Pattern.compile("(\\d{1,2})-[A-Za-z]{3}-\\d{4}");

  /**
   * A parsed program.
   *
   * @param usesModseq whether a MODSEQ key occurs, so results carry the highest MODSEQ (RFC 7162
   *     §3.1.5)
   */
  record Program(SearchKey key, boolean usesModseq) {

    /**
     * The key limited to the messages the session has announced: they have UIDs up to the last one
     * it knows (later ones would be unknown numbers), so one range says it. Null when the view is
     * empty and nothing can match.
     */
    SearchKey inView(SelectedMailbox mailbox) {
      if (mailbox.count() == 0) {
        return null;
      }
      long last = mailbox.uidAt(mailbox.count());
      return new SearchKey.And(List.of(new SearchKey.Uids(new long[] {1}, new long[] {last}), key));
    }
  }

  private final ArgumentReader args;
  private final SelectedMailbox mailbox;
  private final Instant now;
  private boolean usesModseq;

  private SearchParser(ArgumentReader args, SelectedMailbox mailbox, Instant now) {
    this.args = args;
    this.mailbox = mailbox;
    this.now = now;
  }

  /**
   * Reads the program up to the end of the command.
   *
   * @param firstKeyword the first key's name when the caller has already read it (SEARCH reads a
   *     word to tell RETURN and CHARSET from keys), else null
   */
  static Program parse(ArgumentReader args, SelectedMailbox mailbox, String firstKeyword) {
    SearchParser parser = new SearchParser(args, mailbox, Instant.now());
    List<SearchKey> keys = new ArrayList<>();
    keys.add(firstKeyword == null ? parser.key(0) : parser.named(firstKeyword, 0));
    while (args.consume(' ')) {
      keys.add(parser.key(0));
    }
    args.end();
    return new Program(and(keys), parser.usesModseq);
  }

  /**
   * Checks a charset argument once the program has parsed (a syntax error is a BAD first): UTF-8
   * and US-ASCII (and their aliases) are searched as UTF-8; any other is {@code NO [BADCHARSET]},
   * answered as the returned completion. Once UTF8=ACCEPT is enabled an optional CHARSET is a BAD,
   * and a mandatory one (SORT, THREAD) must be UTF-8.
   *
   * @return null when the charset is fine
   * @see "RFC 3501 §6.4.4, RFC 6855 §3 with erratum 4029"
   */
  static Completion checkCharset(ImapSession session, String name, boolean mandatory) {
    Charset charset;
    try {
      charset = Charset.forName(name);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      charset = null;
    }
    if (session.isEnabled("UTF8=ACCEPT")) {
      if (!mandatory) {
        throw new ImapSyntaxException("CHARSET is not allowed once UTF8=ACCEPT is enabled");
      }
      if (!StandardCharsets.UTF_8.equals(charset)) {
        throw new ImapSyntaxException("only UTF-8 is allowed once UTF8=ACCEPT is enabled");
      }
      return null;
    }
    if (StandardCharsets.UTF_8.equals(charset) || StandardCharsets.US_ASCII.equals(charset)) {
      return null;
    }
    return Completion.no("BADCHARSET " + CHARSETS, name + " is not supported");
  }

  private SearchKey key(int depth) {
    if (depth > MAX_DEPTH) {
      throw new ImapSyntaxException("search program nested too deeply");
    }
    int c = args.peek();
    if (c == '(') {
      args.expect('(');
      List<SearchKey> keys = new ArrayList<>();
      do {
        keys.add(key(depth + 1));
      } while (args.consume(' '));
      args.expect(')');
      return and(keys);
    }
    if ((c >= '0' && c <= '9') || c == '*' || c == '$') {
      return uids(mailbox.resolve(args.sequenceSet(), false));
    }
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
      throw new ImapSyntaxException("expected a search key");
    }
    return named(args.keyword(), depth);
  }

  private SearchKey named(String name, int depth) {
    return switch (name) {
      case "ALL" -> SearchKey.ALL;
      case "ANSWERED" -> flag("\\Answered", true);
      case "DELETED" -> flag("\\Deleted", true);
      case "DRAFT" -> flag("\\Draft", true);
      case "FLAGGED" -> flag("\\Flagged", true);
      case "SEEN" -> flag("\\Seen", true);
      case "UNANSWERED" -> flag("\\Answered", false);
      case "UNDELETED" -> flag("\\Deleted", false);
      case "UNDRAFT" -> flag("\\Draft", false);
      case "UNFLAGGED" -> flag("\\Flagged", false);
      case "UNSEEN" -> flag("\\Seen", false);
      case "KEYWORD" -> flag(keyword(), true);
      case "UNKEYWORD" -> flag(keyword(), false);
      case "RECENT" -> recent();
      case "NEW" -> and(List.of(recent(), flag("\\Seen", false)));
      case "OLD" -> new SearchKey.Not(recent());
      case "BCC" -> new SearchKey.Header("Bcc", string());
      case "CC" -> new SearchKey.Header("Cc", string());
      case "FROM" -> new SearchKey.Header("From", string());
      case "SUBJECT" -> new SearchKey.Header("Subject", string());
      case "TO" -> new SearchKey.Header("To", string());
      case "HEADER" -> new SearchKey.Header(string(), string());
      case "BODY" -> new SearchKey.Body(string());
      case "TEXT" -> new SearchKey.Text(string());
      case "BEFORE" -> new SearchKey.Arrival(date(), Comparison.BEFORE);
      case "ON" -> new SearchKey.Arrival(date(), Comparison.ON);
      case "SINCE" -> new SearchKey.Arrival(date(), Comparison.SINCE);
      case "SENTBEFORE" -> new SearchKey.Sent(date(), Comparison.BEFORE);
      case "SENTON" -> new SearchKey.Sent(date(), Comparison.ON);
      case "SENTSINCE" -> new SearchKey.Sent(date(), Comparison.SINCE);
      case "OLDER" -> new SearchKey.ArrivalInstant(now.minusSeconds(interval()), true);
      case "YOUNGER" -> new SearchKey.ArrivalInstant(now.minusSeconds(interval()), false);
      case "LARGER" -> new SearchKey.Size(number(), true);
      case "SMALLER" -> new SearchKey.Size(number(), false);
      case "MODSEQ" -> modseq();
      case "UID" -> {
        args.space();
        yield uids(mailbox.resolve(args.sequenceSet(), true));
      }
      case "NOT" -> {
        args.space();
        yield new SearchKey.Not(key(depth + 1));
      }
      case "OR" -> {
        args.space();
        SearchKey left = key(depth + 1);
        args.space();
        yield new SearchKey.Or(left, key(depth + 1));
      }
      default -> throw new ImapSyntaxException("unknown search key " + name);
    };
  }

  private static SearchKey flag(String flag, boolean set) {
    return new SearchKey.Flag(flag, set);
  }

  /** {@code flag-keyword}: an atom, so system flags (with a backslash) are refused. */
  private String keyword() {
    args.space();
    return args.atom();
  }

  private String string() {
    args.space();
    return args.astring();
  }

  private long number() {
    args.space();
    return args.number();
  }

  /** RFC 5032 {@code interval}: seconds, 1 to 4294967295. */
  private long interval() {
    args.space();
    return args.nzNumber();
  }

  /** {@code date}: {@code d-Mon-yyyy}, optionally quoted; days beyond the month are refused. */
  private LocalDate date() {
    args.space();
    String text = args.next('"') ? args.quoted() : args.atom();
    var match = DATE_TEXT.matcher(text);
    if (!match.matches()) {
      throw new ImapSyntaxException("invalid date: " + text);
    }
    LocalDate date = DateTimes.parseDate(text);
    if (date.getDayOfMonth() != Integer.parseInt(match.group(1))) {
      throw new ImapSyntaxException("invalid date: " + text);
    }
    return date;
  }

  /**
   * {@code MODSEQ [entry-name entry-type-req] mod-sequence-valzer}: the per-flag entry is checked
   * and ignored, so the message's own MODSEQ is compared (a superset, as RFC 7162 §3.1.5 allows a
   * server that keeps no per-flag MODSEQ).
   */
  private SearchKey modseq() {
    args.space();
    if (args.next('"')) {
      String entry = args.quoted();
      if (!entry.toLowerCase(Locale.ROOT).startsWith("/flags/") || entry.length() == 7) {
        throw new ImapSyntaxException("invalid MODSEQ entry name " + entry);
      }
      args.space();
      String type = args.keyword();
      if (!type.equals("PRIV") && !type.equals("SHARED") && !type.equals("ALL")) {
        throw new ImapSyntaxException("invalid MODSEQ entry type " + type);
      }
      args.space();
    }
    long modseq = args.number();
    usesModseq = true;
    return new SearchKey.ModSeq(modseq);
  }

  private SearchKey recent() {
    long[] all = mailbox.allUids();
    int n = 0;
    for (long uid : all) {
      if (mailbox.isRecent(uid)) {
        all[n++] = uid;
      }
    }
    return uids(Arrays.copyOf(all, n));
  }

  /**
   * UIDs of the view (ascending) as ranges: neighbours in the view form one range, since the
   * backend holds no UID between two the session knows.
   */
  private SearchKey uids(long[] uids) {
    long[] firsts = new long[uids.length];
    long[] lasts = new long[uids.length];
    int ranges = 0;
    int i = 0;
    while (i < uids.length) {
      int j = i;
      int msn = mailbox.msnOf(uids[i]);
      while (j + 1 < uids.length && mailbox.msnOf(uids[j + 1]) == msn + (j + 1 - i)) {
        j++;
      }
      firsts[ranges] = uids[i];
      lasts[ranges++] = uids[j];
      i = j + 1;
    }
    return new SearchKey.Uids(Arrays.copyOf(firsts, ranges), Arrays.copyOf(lasts, ranges));
  }

  private static SearchKey and(List<SearchKey> keys) {
    return keys.size() == 1 ? keys.get(0) : new SearchKey.And(keys);
  }
}
