package dev.yubin.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * IMAP on the mailbox store, with Python's imaplib as the client: mail delivered over SMTP is in
 * INBOX, the bytes IMAP and POP3 serve are the same, folders, flags, APPEND, COPY, MOVE, EXPUNGE
 * and SEARCH work, IDLE hears a delivery. One server for the class; every test has its own users.
 */
class ImapIT {

  static final String DOMAIN = "imap.e2e.test";
  static YubinServer server;

  @BeforeAll
  static void start() {
    server = YubinServer.builder("imap").freePorts().domains(DOMAIN).build();
    server.start();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  static String newUser(String name) {
    String address = name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@" + DOMAIN;
    return server.addUser(address, Clients.PASSWORD);
  }

  static List<String> imap(String user, String... actions) {
    return Clients.imap(server, false, user, Clients.PASSWORD, actions).requireSuccess().lines();
  }

  static byte[] message(String to, String subject, String body) {
    return Clients.crlf(
        "From: Taro <taro@sender.example>",
        "To: <" + to + ">",
        "Subject: " + subject,
        "Message-ID: <" + UUID.randomUUID() + "@sender.example>",
        "Date: Mon, 1 Jan 2024 10:00:00 +0900",
        "MIME-Version: 1.0",
        "Content-Type: text/plain; charset=UTF-8",
        "Content-Transfer-Encoding: 8bit",
        "",
        body);
  }

  static void deliver(String to, String subject, String body) {
    List<String> sent =
        Clients.smtpSend(server, "taro@sender.example", message(to, subject, body), to);
    assertThat(Clients.line(sent, "DATA")).startsWith("DATA 250 ");
  }

  @Test
  void deliveredMailIsInInboxAndImapAndPop3ServeTheSameBytes() throws IOException {
    String hanako = newUser("hanako");
    deliver(hanako, "=?UTF-8?B?5pel5pys6Kqe?=", "こんにちは、花子さん。");
    Path file = E2e.tempDirectory("imap-").resolve("1.eml");

    List<String> lines = imap(hanako, "select:INBOX", "body:1:" + file, "logout");

    assertThat(Clients.line(lines, "SELECT")).startsWith("SELECT 1 ");
    byte[] viaImap = Files.readAllBytes(file);
    Trace trace = Trace.split(viaImap, "taro@sender.example", hanako, server.hostname());
    assertThat(new String(trace.rest(), UTF_8)).endsWith("こんにちは、花子さん。\r\n");
    assertThat(Clients.fetchOnly(server, hanako)).isEqualTo(viaImap);
  }

  @Test
  void everyAccountHasTheSpecialUseFolders() {
    String user = newUser("folders");

    String list = Clients.line(imap(user, "list", "logout"), "LIST");

    assertThat(list)
        .contains("\"INBOX\"")
        .containsPattern("\\\\Sent[^|]*\"Sent\"")
        .containsPattern("\\\\Drafts[^|]*\"Drafts\"")
        .containsPattern("\\\\Trash[^|]*\"Trash\"")
        .containsPattern("\\\\Junk[^|]*\"Junk\"")
        .containsPattern("\\\\Archive[^|]*\"Archive\"");
  }

  @Test
  void flagsFoldersCopyMoveAndExpungeAreSeenByTheNextSession() throws IOException {
    String user = newUser("mover");
    deliver(user, "one", "first");
    deliver(user, "two", "second");
    Path draft = E2e.tempDirectory("imap-").resolve("draft.eml");
    Files.write(draft, message(user, "draft", "not yet sent"));

    List<String> first =
        imap(
            user,
            "create:Projects/2026",
            "select:INBOX",
            "store:1:+FLAGS:(\\Flagged $Important)",
            "copy:1:Projects/2026",
            "move:2:Archive",
            "append:Drafts:(\\Draft):" + draft,
            "logout");

    assertThat(Clients.line(first, "CREATE")).startsWith("CREATE OK");
    assertThat(Clients.line(first, "COPY")).startsWith("COPY OK");
    assertThat(Clients.line(first, "MOVE")).startsWith("MOVE OK");
    assertThat(Clients.line(first, "APPEND")).startsWith("APPEND OK").contains("APPENDUID");
    List<String> second =
        imap(
            user,
            "status:INBOX:(MESSAGES UNSEEN)",
            "status:Archive:(MESSAGES)",
            "status:Drafts:(MESSAGES)",
            "select:Projects/2026",
            "fetch:1:(FLAGS BODY.PEEK[HEADER.FIELDS (SUBJECT)])",
            "store:1:+FLAGS:(\\Deleted)",
            "expunge",
            "logout");
    assertThat(second.get(0)).contains("MESSAGES 1").contains("UNSEEN 1");
    assertThat(second.get(1)).contains("MESSAGES 1");
    assertThat(second.get(2)).contains("MESSAGES 1");
    assertThat(Clients.line(second, "FETCH"))
        .contains("\\\\Flagged")
        .contains("$Important")
        .contains("Subject: one");
    assertThat(Clients.line(second, "EXPUNGE")).isEqualTo("EXPUNGE OK 1");
    assertThat(Clients.line(imap(user, "status:INBOX:(MESSAGES)", "logout"), "STATUS"))
        .contains("MESSAGES 1");
  }

  @Test
  void searchFindsJapaneseSubjectsAndBodies() {
    String user = newUser("search");
    deliver(user, "=?ISO-2022-JP?B?GyRCRnxLXDhsGyhC?=", "plain body");
    deliver(user, "english subject", "本文に郵便という言葉");
    deliver(user, "other", "nothing here");

    List<String> lines =
        imap(
            user,
            "select:INBOX",
            "search:SUBJECT 日本語",
            "uidsearch:BODY 郵便",
            "search:FROM taro SUBJECT english",
            "logout");

    assertThat(lines.get(1)).isEqualTo("SEARCH OK 1");
    assertThat(lines.get(2)).isEqualTo("UIDSEARCH OK 2");
    assertThat(lines.get(3)).isEqualTo("SEARCH OK 2");
  }

  @Test
  void idleHearsADeliveryAsItHappens() throws IOException {
    String user = newUser("idler");
    deliver(user, "before", "one");
    try (Socket socket = new Socket(server.bind(), server.imapPort())) {
      socket.setSoTimeout(30_000);
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), UTF_8));
      OutputStream out = socket.getOutputStream();
      assertThat(in.readLine()).startsWith("* OK");
      send(out, "a LOGIN \"" + user + "\" \"" + Clients.PASSWORD + "\"");
      assertThat(untilTagged(in, "a")).startsWith("a OK");
      send(out, "b SELECT INBOX");
      assertThat(untilTagged(in, "b")).startsWith("b OK");
      send(out, "c IDLE");
      assertThat(in.readLine()).startsWith("+ ");

      deliver(user, "during", "two");

      assertThat(in.readLine()).isEqualTo("* 2 EXISTS");
      send(out, "DONE");
      assertThat(untilTagged(in, "c")).startsWith("c OK");
    }
  }

  @Test
  void angusMailImapsReadsJapaneseMimeAndSetsFlags() throws Exception {
    String user = newUser("angus");
    byte[] mime =
        Clients.crlf(
            "From: =?ISO-2022-JP?B?GyRCOzNFRBsoQg==?= <yamada@sender.example>",
            "To: <" + user + ">",
            "Subject: =?ISO-2022-JP?B?GyRCRnxLXDhsGyhC?=",
            "Message-ID: <" + UUID.randomUUID() + "@sender.example>",
            "Date: Mon, 1 Jan 2024 10:00:00 +0900",
            "MIME-Version: 1.0",
            "Content-Type: multipart/mixed; boundary=\"b1\"",
            "",
            "--b1",
            "Content-Type: text/plain; charset=ISO-2022-JP",
            "Content-Transfer-Encoding: 7bit",
            "",
            "\u001b$B$3$s$K$A$O\u001b(B",
            "--b1",
            "Content-Type: application/octet-stream",
            "Content-Disposition: attachment; filename*=UTF-8''%E8%AB%8B%E6%B1%82%E6%9B%B8.pdf",
            "Content-Transfer-Encoding: base64",
            "",
            "JVBERi0xLjQK",
            "--b1--");
    List<String> sent = Clients.smtpSend(server, "yamada@sender.example", mime, user);
    assertThat(Clients.line(sent, "DATA")).startsWith("DATA 250 ");
    java.util.Properties props = new java.util.Properties();
    props.put("mail.imaps.host", server.bind());
    props.put("mail.imaps.port", Integer.toString(server.imapsPort()));
    props.put("mail.imaps.ssl.trust", "*");
    props.put("mail.imaps.ssl.checkserveridentity", "false");
    props.put("mail.imaps.connectiontimeout", "10000");
    props.put("mail.imaps.timeout", "60000");
    props.put("mail.mime.decodeparameters", "true");
    jakarta.mail.Session session = jakarta.mail.Session.getInstance(props);
    jakarta.mail.Store store = session.getStore("imaps");
    store.connect(user, Clients.PASSWORD);
    try {
      jakarta.mail.Folder inbox = store.getFolder("INBOX");
      inbox.open(jakarta.mail.Folder.READ_WRITE);
      assertThat(inbox.getMessageCount()).isEqualTo(1);
      jakarta.mail.Message message = inbox.getMessage(1);
      assertThat(message.getSubject()).isEqualTo("日本語");
      assertThat(((jakarta.mail.internet.InternetAddress) message.getFrom()[0]).getPersonal())
          .isEqualTo("山田");
      jakarta.mail.Multipart parts = (jakarta.mail.Multipart) message.getContent();
      assertThat(parts.getCount()).isEqualTo(2);
      // The CRLF before a boundary belongs to the boundary (RFC 2046 §5.1.1), not to the part.
      assertThat(parts.getBodyPart(0).getContent()).isEqualTo("こんにちは");
      assertThat(parts.getBodyPart(1).getFileName()).isEqualTo("請求書.pdf");
      message.setFlag(jakarta.mail.Flags.Flag.FLAGGED, true);
      inbox.close(false);
    } finally {
      store.close();
    }
    assertThat(Clients.line(imap(user, "select:INBOX", "fetch:1:(FLAGS)", "logout"), "FETCH"))
        .contains("\\\\Flagged")
        .contains("\\\\Seen");
  }

  @Test
  void curlListsFetchesByUidSearchesAndAppendsOverImapAndImaps() throws IOException {
    String user = newUser("curl");
    deliver(user, "one", "first");
    deliver(user, "two", "second");
    Path work = E2e.tempDirectory("curl-");
    Path viaImaplib = work.resolve("imaplib.eml");
    Path viaCurl = work.resolve("curl.eml");
    Path draft = Files.write(work.resolve("draft.eml"), message(user, "draft", "to be sent"));
    String plain = "imap://" + server.bind() + ":" + server.imapPort() + "/";
    String tls = "imaps://" + server.bind() + ":" + server.imapsPort() + "/";
    imap(user, "select:INBOX", "body:1:" + viaImaplib, "logout");

    String list = curl(user, plain).stdout();
    curl(user, plain + "INBOX;UID=1", "-o", viaCurl.toString());
    String search =
        curl(user, plain + "INBOX", "--login-options", "AUTH=PLAIN", "-X", "UID SEARCH SUBJECT two")
            .stdout();
    E2e.Result append =
        curl(
            user,
            tls + "Drafts",
            "-k",
            "--login-options",
            "AUTH=PLAIN",
            "--sasl-ir",
            "-v",
            "-T",
            draft.toString());

    assertThat(list)
        .contains("\\Drafts")
        .contains("\\Sent")
        .containsPattern("(?m) \"?INBOX\"?\\r?$");
    assertThat(Files.readAllBytes(viaCurl)).isEqualTo(Files.readAllBytes(viaImaplib));
    assertThat(search).isEqualTo("* SEARCH 2\r\n");
    assertThat(append.stderr())
        .containsPattern("> \\S+ AUTHENTICATE PLAIN [A-Za-z0-9+/]+=*\\r?\\n");
    assertThat(append.stderr()).containsPattern("< \\S+ OK \\[APPENDUID ");
    Path appended = work.resolve("appended.eml");
    List<String> drafts = imap(user, "select:Drafts", "body:1:" + appended, "logout");
    assertThat(Clients.line(drafts, "SELECT")).startsWith("SELECT 1 ");
    assertThat(Files.readAllBytes(appended)).isEqualTo(Files.readAllBytes(draft));
  }

  /** Runs curl with USER's password, failing unless it succeeds. */
  private static E2e.Result curl(String user, String url, String... options) {
    List<String> command =
        new java.util.ArrayList<>(
            List.of("curl", "-sS", "--max-time", "60", "-u", user + ":" + Clients.PASSWORD, url));
    command.addAll(List.of(options));
    return E2e.run(command, java.util.Map.of(), null).requireSuccess();
  }

  @Test
  void fetchmailOverImapsKeepsOrExpungesWhatItDelivered() throws IOException {
    String user = newUser("fetchmail");
    deliver(user, "one", "first");
    deliver(user, "two", "second");
    Path work = E2e.tempDirectory("fetchmail-");
    Path imaplib = Files.createDirectory(work.resolve("imaplib"));
    imap(
        user,
        "select:INBOX",
        "body:1:" + imaplib.resolve("1.eml"),
        "body:2:" + imaplib.resolve("2.eml"),
        "logout");

    Path kept = Files.createDirectory(work.resolve("kept"));
    assertThat(fetchmail(work, user, true, kept).exitCode()).as("mail retrieved").isZero();
    assertThat(fetchmail(work, user, true, kept).exitCode()).as("no new mail").isEqualTo(1);

    assertThat(delivered(kept)).hasSize(2);
    for (String name : List.of("1.eml", "2.eml")) {
      assertThat(kept.resolve(name)).hasSameBinaryContentAs(imaplib.resolve(name));
    }
    assertThat(Clients.line(imap(user, "select:INBOX", "fetch:1,2:(FLAGS)", "logout"), "FETCH"))
        .containsPattern("1 \\(FLAGS \\([^)]*\\\\Seen")
        .containsPattern("2 \\(FLAGS \\([^)]*\\\\Seen");

    deliver(user, "three", "third");
    Path taken = Files.createDirectory(work.resolve("taken"));
    assertThat(fetchmail(work, user, false, taken, "--all").exitCode()).isZero();

    assertThat(delivered(taken)).hasSize(3);
    assertThat(taken.resolve("1.eml")).hasSameBinaryContentAs(imaplib.resolve("1.eml"));
    assertThat(new String(Files.readAllBytes(taken.resolve("3.eml")), UTF_8))
        .contains("Subject: three\r\n")
        .endsWith("\r\n\r\nthird\r\n");
    assertThat(Clients.line(imap(user, "status:INBOX:(MESSAGES)", "logout"), "STATUS"))
        .contains("MESSAGES 0");
    assertThat(Clients.count(server, user)).isZero();
  }

  /**
   * One fetchmail run over IMAPS (certificate not checked: self-signed) for USER's INBOX, KEEP or
   * not, each message handed to an MDA that writes it into INTO as 1.eml, 2.eml... as it came: no
   * Received field of fetchmail's, no CR stripped, no address rewritten.
   */
  private static E2e.Result fetchmail(
      Path work, String user, boolean keep, Path into, String... options) throws IOException {
    Path mda = work.resolve("mda.sh");
    Files.writeString(
        mda, "#!/bin/sh\nn=$(ls \"$1\" | wc -l)\nexec cat > \"$1/$((n + 1)).eml\"\n", UTF_8);
    Files.setPosixFilePermissions(mda, PosixFilePermissions.fromString("rwx------"));
    Path rc = work.resolve("fetchmailrc");
    Files.deleteIfExists(rc);
    Files.createFile(
        rc, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(
        rc,
        String.join(
            "\n",
            "set no syslog",
            "set invisible",
            "poll " + server.bind() + " service " + server.imapsPort() + " protocol IMAP",
            "  timeout 60",
            "  user \"" + user + "\" there with password \"" + Clients.PASSWORD + "\"",
            "  ssl no sslcertck",
            "  " + (keep ? "keep" : "no keep") + " no rewrite no stripcr",
            "  mda \"" + mda + " " + into + "\"",
            ""),
        UTF_8);
    List<String> command =
        new java.util.ArrayList<>(List.of("fetchmail", "--nodetach", "-f", rc.toString(), "-v"));
    command.addAll(List.of(options));
    Map<String, String> environment =
        Map.of(
            "HOME",
            work.toString(),
            "FETCHMAILHOME",
            work.toString(),
            "PATH",
            System.getenv("PATH"));
    E2e.Result result = E2e.run(command, environment, work);
    if (result.exitCode() > 1) {
      throw new AssertionError("fetchmail failed: " + result);
    }
    return result;
  }

  /** The files an MDA wrote into DIRECTORY. */
  private static List<Path> delivered(Path directory) throws IOException {
    try (var files = Files.list(directory)) {
      return files.sorted().toList();
    }
  }

  @Test
  void mbsyncSyncsAWholeAccountWithAMaildirBothWays() throws IOException {
    String user = newUser("mbsync");
    deliver(user, "one", "first");
    deliver(user, "two", "second");
    Path work = E2e.tempDirectory("mbsync-");
    Path fromServer =
        Files.write(work.resolve("server.eml"), message(user, "filed", "in a folder"));
    imap(user, "create:Projects", "append:Projects::" + fromServer, "logout");
    Path maildir = work.resolve("mail");

    mbsync(work, user);

    Path one = maildirMessage(maildir.resolve("INBOX"), "one");
    Path two = maildirMessage(maildir.resolve("INBOX"), "two");
    assertThat(lf(Files.readAllBytes(maildirMessage(maildir.resolve("Projects"), "filed"))))
        .isEqualTo(lf(Files.readAllBytes(fromServer)));
    Path imaplib = work.resolve("imaplib.eml");
    imap(user, "select:INBOX", "body:1:" + imaplib, "logout");
    assertThat(lf(Files.readAllBytes(one))).isEqualTo(lf(Files.readAllBytes(imaplib)));
    assertThat(maildir.resolve("Sent")).isDirectory();

    Files.move(one, addFlag(one, 'F'));
    byte[] local = message(user, "local", "written here");
    Files.write(maildir.resolve("INBOX/new/1767225600.P1Q1.local"), lf(local));
    Path notes = Files.createDirectories(maildir.resolve("Notes"));
    for (String sub : List.of("cur", "new", "tmp")) {
      Files.createDirectories(notes.resolve(sub));
    }
    Files.write(notes.resolve("new/1767225601.P1Q2.local"), lf(message(user, "note", "a note")));

    mbsync(work, user);

    Path pushed = work.resolve("pushed.eml");
    List<String> server =
        imap(
            user,
            "select:INBOX",
            "fetch:1:(FLAGS)",
            "body:3:" + pushed,
            "status:Notes:(MESSAGES)",
            "logout");
    assertThat(Clients.line(server, "SELECT")).startsWith("SELECT 3 ");
    assertThat(Clients.line(server, "FETCH")).contains("\\\\Flagged");
    assertThat(withoutTuid(Files.readAllBytes(pushed)))
        .as("LF lines sent as CRLF")
        .isEqualTo(local);
    assertThat(Clients.line(server, "STATUS")).contains("MESSAGES 1");

    Path later = Files.write(work.resolve("later.eml"), message(user, "later", "filed later"));
    imap(
        user,
        "select:INBOX",
        "store:2:+FLAGS:(\\Seen \\Answered)",
        "append:Projects::" + later,
        "logout");

    mbsync(work, user);

    assertThat(maildirMessage(maildir.resolve("INBOX"), "two").getFileName().toString())
        .endsWith(":2,RS");
    assertThat(lf(Files.readAllBytes(maildirMessage(maildir.resolve("Projects"), "later"))))
        .isEqualTo(lf(Files.readAllBytes(later)));
  }

  /**
   * One mbsync run of every folder of USER's account (plain IMAP: the client is on this machine)
   * against the Maildir WORK/mail, creating, flagging and expunging on both sides.
   */
  private static void mbsync(Path work, String user) throws IOException {
    Path rc = work.resolve("mbsyncrc");
    if (!Files.exists(rc)) {
      Files.createFile(
          rc, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Path maildir = Files.createDirectories(work.resolve("mail"));
      Files.writeString(
          rc,
          String.join(
              "\n",
              "IMAPAccount yubin",
              "Host " + server.bind(),
              "Port " + server.imapPort(),
              "User " + user,
              "Pass \"" + Clients.PASSWORD + "\"",
              "SSLType None",
              "AuthMechs LOGIN",
              "Timeout 60",
              "",
              "IMAPStore server",
              "Account yubin",
              "",
              "MaildirStore local",
              "Path " + maildir + "/",
              "Inbox " + maildir.resolve("INBOX"),
              "SubFolders Verbatim",
              "",
              "Channel everything",
              "Far :server:",
              "Near :local:",
              "Patterns *",
              "Create Both",
              "Expunge Both",
              "SyncState *",
              ""),
          UTF_8);
    }
    Map<String, String> environment =
        Map.of("HOME", work.toString(), "PATH", System.getenv("PATH"));
    E2e.run(List.of("mbsync", "-V", "-c", rc.toString(), "-a"), environment, work).requireSuccess();
  }

  /** The message with SUBJECT in the Maildir folder FOLDER, new or seen. */
  private static Path maildirMessage(Path folder, String subject) throws IOException {
    for (String sub : List.of("new", "cur")) {
      try (var files = Files.list(folder.resolve(sub))) {
        for (Path file : files.toList()) {
          if (new String(lf(Files.readAllBytes(file)), UTF_8)
              .contains("\nSubject: " + subject + "\n")) {
            return file;
          }
        }
      }
    }
    throw new AssertionError("no message " + subject + " in " + folder);
  }

  /** Where FILE goes in its Maildir when it gets FLAG (the flags of its name are sorted). */
  private static Path addFlag(Path file, char flag) {
    String name = file.getFileName().toString();
    int info = name.indexOf(":2,");
    String base = info < 0 ? name : name.substring(0, info);
    String flags = info < 0 ? "" : name.substring(info + 3);
    String sorted =
        (flags + flag)
            .chars()
            .distinct()
            .sorted()
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
            .toString();
    return file.getParent().resolveSibling("cur").resolve(base + ":2," + sorted);
  }

  /**
   * MESSAGE with its lines ending in LF, as a Maildir on Unix keeps them, and without the X-TUID
   * field mbsync adds to every message it copies (to find it again after an interruption).
   */
  private static byte[] lf(byte[] message) {
    return new String(withoutTuid(message), java.nio.charset.StandardCharsets.ISO_8859_1)
        .replace("\r\n", "\n")
        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  private static byte[] withoutTuid(byte[] message) {
    return new String(message, java.nio.charset.StandardCharsets.ISO_8859_1)
        .replaceFirst("(?m)^X-TUID: [^\r\n]*\r?\n", "")
        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  private static void send(OutputStream out, String line) throws IOException {
    out.write((line + "\r\n").getBytes(UTF_8));
    out.flush();
  }

  private static String untilTagged(BufferedReader in, String tag) throws IOException {
    String line;
    do {
      line = in.readLine();
    } while (line != null && !line.startsWith(tag + " "));
    return line;
  }
}
