package dev.yubin.protocol.imap;

import dev.yubin.protocol.ConnectionInfo;
import dev.yubin.protocol.DialogueScript;
import dev.yubin.protocol.sasl.AuthFailureLimiter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Plays every dialogue in {@code dialogues/imap/search/} (SEARCH, SORT, THREAD) against a fresh
 * {@link #mailbox()}: alice's INBOX with nine messages made for searching.
 */
class ImapSearchDialogueTest {

  private static final String FOLDER = "/dialogues/imap/search";
  private static final ConnectionInfo CONNECTION =
      new ConnectionInfo("127.0.0.1", 40000, "127.0.0.1", 143, false);
  private static final Charset ISO_2022_JP = Charset.forName("ISO-2022-JP");

  static List<String> scripts() {
    return DialogueScript.list(FOLDER);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scripts")
  void dialogue(String script) {
    ImapSessionFactory factory =
        new ImapSessionFactory(
            ImapConfig.defaults("imap.test"), mailbox(), AuthFailureLimiter.defaults());
    DialogueScript.load(FOLDER + "/" + script).run(() -> factory.newSession(CONNECTION));
  }

  /**
   * User alice, password secret. INBOX (UIDs 1 to 9, MODSEQ 2 to 10, arrived on the 10th to the
   * 17th of January 2026 at 08:00 UTC but 3 (the 12th, 01:00) and 9 (2099)):
   *
   * <pre>
   * 1 \Seen            Lunch plans             bob -> alice, cc carol; sent 10 Jan 17:00 +0900
   * 2 \Seen \Answered  Re: Lunch plans         alice -> bob; replies to 1
   * 3 $Important       会議の件 (ISO-2022-JP)  山田太郎 &lt;taro@example.jp&gt;; sent 10 Jan 07:00 +0900
   * 4 \Flagged         Re: Lunch plans         carol -> alice, bob; replies to 2 (References 1 2)
   * 5 \Deleted $Work   [team] Weekly report (fwd)  dave -> alice, bcc alice; about 2 KB
   * 6 \Draft \Seen     Fwd: [team] Weekly report   alice -> dave; no Date field
   * 7                  Re: Party               erin; References a missing &lt;party-0&gt;
   * 8 \Seen            Re: Party               frank; In-Reply-To the missing &lt;party-0&gt;
   * 9                  From the future         zed; base64 UTF-8 body; arrives in 2099
   * </pre>
   *
   * 1 to 6 are no longer \Recent (another session selected INBOX before 7 arrived).
   */
  static InMemoryImapBackend mailbox() {
    InMemoryImapBackend backend = new InMemoryImapBackend("alice", "secret");
    add(backend, "2026-01-10T08:00:00Z", Set.of("\\Seen"), lunch());
    add(
        backend,
        "2026-01-11T09:00:00Z",
        Set.of("\\Seen", "\\Answered"),
        "Date: Sun, 11 Jan 2026 09:00:00 +0000\r\n"
            + "From: Alice <alice@example.test>\r\n"
            + "To: Bob Example <bob@example.test>\r\n"
            + "Subject: Re: Lunch plans\r\n"
            + "Message-ID: <lunch-2@example.test>\r\n"
            + "In-Reply-To: <lunch-1@example.test>\r\n"
            + "References: <lunch-1@example.test>\r\n"
            + "\r\n"
            + "Friday works. Sushi?\r\n");
    add(backend, "2026-01-12T01:00:00Z", Set.of("$Important"), japanese());
    add(
        backend,
        "2026-01-13T08:00:00Z",
        Set.of("\\Flagged"),
        "Date: Tue, 13 Jan 2026 12:00:00 -0500\r\n"
            + "From: carol@example.test\r\n"
            + "To: alice@example.test, bob@example.test\r\n"
            + "Subject: Re: Lunch plans\r\n"
            + "Message-ID: <lunch-3@example.test>\r\n"
            + "In-Reply-To: <lunch-2@example.test>\r\n"
            + "References: <lunch-1@example.test>\r\n <lunch-2@example.test>\r\n"
            + "\r\n"
            + "Count me in!\r\n");
    add(backend, "2026-01-14T08:00:00Z", Set.of("\\Deleted", "$Work"), report());
    add(
        backend,
        "2026-01-15T08:00:00Z",
        Set.of("\\Draft", "\\Seen"),
        "From: Alice <alice@example.test>\r\n"
            + "To: Dave <dave@example.test>\r\n"
            + "Subject: Fwd: [team] Weekly report\r\n"
            + "Message-ID: <draft@example.test>\r\n"
            + "\r\n"
            + "Forwarding the report.\r\n");
    backend.select("alice", "INBOX", true);
    add(
        backend,
        "2026-01-16T08:00:00Z",
        Set.of(),
        "Date: Fri, 16 Jan 2026 08:00:00 +0000\r\n"
            + "From: Erin <erin@example.test>\r\n"
            + "To: alice@example.test\r\n"
            + "Subject: Re: Party\r\n"
            + "Message-ID: <party-1@example.test>\r\n"
            + "References: <party-0@example.test>\r\n"
            + "\r\n"
            + "I'll bring cake.\r\n");
    add(
        backend,
        "2026-01-17T08:00:00Z",
        Set.of("\\Seen"),
        "Date: Sat, 17 Jan 2026 08:00:00 +0000\r\n"
            + "From: Frank <frank@example.test>\r\n"
            + "To: alice@example.test\r\n"
            + "Subject: Re: Party\r\n"
            + "Message-ID: <party-2@example.test>\r\n"
            + "In-Reply-To: <party-0@example.test> (Erin's party)\r\n"
            + "\r\n"
            + "I'll bring drinks.\r\n");
    add(backend, "2099-01-01T00:00:00Z", Set.of(), future());
    return backend;
  }

  private static String lunch() {
    return "Date: Sat, 10 Jan 2026 17:00:00 +0900\r\n"
        + "From: Bob Example <bob@example.test>\r\n"
        + "To: alice@example.test\r\n"
        + "Cc: carol@example.test\r\n"
        + "Subject: Lunch plans\r\n"
        + "Message-ID: <lunch-1@example.test>\r\n"
        + "\r\n"
        + "Shall we have lunch on Friday?\r\n";
  }

  /** Subject, sender's name and body in ISO-2022-JP, as Japanese mail is usually sent. */
  private static byte[] japanese() {
    String header =
        "Date: Sat, 10 Jan 2026 07:00:00 +0900\r\n"
            + "From: "
            + encodedWord("山田太郎")
            + " <taro@example.jp>\r\n"
            + "To: alice@example.test\r\n"
            + "Subject: "
            + encodedWord("会議の件")
            + "\r\n"
            + "Message-ID: <kaigi-1@example.jp>\r\n"
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: text/plain; charset=ISO-2022-JP\r\n"
            + "Content-Transfer-Encoding: 7bit\r\n"
            + "\r\n";
    return concat(
        header.getBytes(StandardCharsets.US_ASCII), "明日の会議は10時からです。\r\n".getBytes(ISO_2022_JP));
  }

  private static String encodedWord(String text) {
    return "=?ISO-2022-JP?B?"
        + Base64.getEncoder().encodeToString(text.getBytes(ISO_2022_JP))
        + "?=";
  }

  private static String report() {
    StringBuilder body = new StringBuilder();
    for (int i = 1; i <= 40; i++) {
      body.append("Line ").append(i).append(" of the weekly report, nothing to see.\r\n");
    }
    return "Date: Wed, 14 Jan 2026 08:00:00 +0000\r\n"
        + "From: Dave <dave@example.test>\r\n"
        + "To: alice@example.test\r\n"
        + "Bcc: alice@example.test\r\n"
        + "Subject: [team] Weekly report (fwd)\r\n"
        + "Message-ID: <report@example.test>\r\n"
        + "X-Priority: 1\r\n"
        + "\r\n"
        + body;
  }

  private static String future() {
    return "Date: Thu, 1 Jan 2099 00:00:00 +0000\r\n"
        + "From: Zed <zed@example.test>\r\n"
        + "To: alice@example.test\r\n"
        + "Subject: From the future\r\n"
        + "Message-ID: <future@example.test>\r\n"
        + "Content-Type: text/plain; charset=UTF-8\r\n"
        + "Content-Transfer-Encoding: base64\r\n"
        + "\r\n"
        + Base64.getMimeEncoder().encodeToString("未来からこんにちは".getBytes(StandardCharsets.UTF_8))
        + "\r\n";
  }

  private static void add(
      InMemoryImapBackend backend, String arrived, Set<String> flags, String content) {
    add(backend, arrived, flags, content.getBytes(StandardCharsets.UTF_8));
  }

  private static void add(
      InMemoryImapBackend backend, String arrived, Set<String> flags, byte[] content) {
    InMemoryImapBackend.MemorySink sink = new InMemoryImapBackend.MemorySink();
    sink.write(content, 0, content.length);
    backend.append("alice", "INBOX", flags, OffsetDateTime.parse(arrived), sink);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = new byte[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
