package dev.yubin.e2e;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Today's distribution started on a data directory that the server wrote before the mailbox store
 * (schema V3: table {@code stored_message}, files under {@code mail/<owner>/<mailbox>/}; made by
 * {@code src/test/resources/upgrade/make-v3-data.py}, see the README there). It upgrades in place:
 * every old message is served by POP3 and IMAP with its bytes, its arrival time as internal date
 * and its old UIDL, is indexed (SEARCH, BODYSTRUCTURE), the special-use folders exist, and a second
 * start moves nothing twice.
 */
class UpgradeIT {

  static final String DOMAIN = "upgrade.e2e.test";
  static final String ALICE = "alice@" + DOMAIN;
  static final String BOB = "bob@" + DOMAIN;
  static final Pattern RECEIVED =
      Pattern.compile(
          "\\tfor <([^>]+)>;(?: |\\r\\n\\t)([A-Z][a-z]{2}, \\d{1,2} [A-Z][a-z]{2} \\d{4}"
              + " \\d{2}:\\d{2}:\\d{2} [+-]\\d{4})\\r\\n");
  static final DateTimeFormatter INTERNALDATE =
      DateTimeFormatter.ofPattern("d-MMM-yyyy HH:mm:ss Z", Locale.ROOT);

  static YubinServer server;

  /** The old store's files: recipient to content key (the file's name) to bytes. */
  static Map<String, Map<String, byte[]>> old;

  @BeforeAll
  static void start() throws IOException {
    server = YubinServer.builder("upgrade").freePorts().domains(DOMAIN).build();
    unzip("/upgrade/v3-data.zip", server.dataDir());
    old = oldMessages(server.dataDir().resolve("mail"));
    assertThat(old.get(ALICE)).hasSize(3);
    assertThat(old.get(BOB)).hasSize(2);
    server.start();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void everyOldMessageIsServedByPop3AndImapWithItsBytesArrivalTimeAndUidl() {
    for (String user : List.of(ALICE, BOB)) {
      Map<String, byte[]> expected = old.get(user);

      try (RawPop3 pop = RawPop3.login(server, user, Clients.PASSWORD)) {
        Map<Integer, String> uidls = pop.uidl();
        assertThat(uidls.values())
            .as("POP3 ids of %s, as before the upgrade", user)
            .containsExactlyInAnyOrderElementsOf(expected.keySet());
        uidls.forEach(
            (number, uidl) ->
                assertThat(pop.multiLine("RETR " + number).data())
                    .as("RETR %d of %s", number, user)
                    .isEqualTo(expected.get(uidl)));
      }

      try (RawImap imap = RawImap.login(server, user, Clients.PASSWORD)) {
        assertThat(imap.command("SELECT INBOX").tagged()).startsWith("OK");
        RawImap.Response fetch = imap.command("UID FETCH 1:* (UID INTERNALDATE BODY.PEEK[])");
        assertThat(fetch.tagged()).startsWith("OK");
        List<byte[]> served = new ArrayList<>();
        ZonedDateTime previous = null;
        for (RawImap.Line line : fetch.lines("")) {
          if (RawImap.fetchNumber(line) < 0) {
            continue;
          }
          byte[] message = line.literals().get(0);
          served.add(message);
          Matcher internal = Pattern.compile("INTERNALDATE \"([^\"]+)\"").matcher(line.text());
          assertThat(internal.find()).isTrue();
          ZonedDateTime date = ZonedDateTime.parse(internal.group(1).trim(), INTERNALDATE);
          assertThat(Duration.between(received(message), date).abs())
              .as("INTERNALDATE %s is the arrival time, not the upgrade's", internal.group(1))
              .isLessThanOrEqualTo(Duration.ofSeconds(2));
          if (previous != null) {
            assertThat(date).as("UIDs in arrival order").isAfterOrEqualTo(previous);
          }
          previous = date;
        }
        assertThat(served)
            .usingElementComparator(Arrays::compare)
            .containsExactlyInAnyOrderElementsOf(expected.values());
      }
    }
  }

  @Test
  void oldMessagesAreIndexedAndTheSpecialUseFoldersExist() {
    try (RawImap imap = RawImap.login(server, ALICE, Clients.PASSWORD)) {
      String list = String.join("\n", imap.command("LIST \"\" \"*\"").texts());
      assertThat(list)
          .containsPattern("\\\\Sent[^\\n]*\"Sent\"")
          .containsPattern("\\\\Drafts[^\\n]*\"Drafts\"")
          .containsPattern("\\\\Trash[^\\n]*\"Trash\"")
          .containsPattern("\\\\Junk[^\\n]*\"Junk\"")
          .containsPattern("\\\\Archive[^\\n]*\"Archive\"");
      assertThat(imap.command("SELECT INBOX").tagged()).startsWith("OK");

      assertThat(searchSubject(imap, "日本語"))
          .as("the ISO-2022-JP subject, decoded when the message moved")
          .hasSize(1);
      RawImap.Response structure = imap.command("FETCH 1:* (BODYSTRUCTURE)");
      assertThat(String.join("\n", structure.texts()))
          .containsIgnoringCase("\"mixed\"")
          .contains("\"report.bin\"");
    }
  }

  @Test
  void aSecondStartMovesNothingTwice() {
    assertThat(server.log()).contains("First store: 5 messages moved into the mailbox store");
    Map<String, String> before = uidsAndIds();

    server.stop();
    server.start();

    assertThat(uidsAndIds()).isEqualTo(before);
    assertThat(server.log().substring(server.log().lastIndexOf("=== e2e: start #")))
        .doesNotContain("messages moved into the mailbox store");
  }

  /** For each user: the UIDVALIDITY, and UID with Message-ID of every message in INBOX. */
  private static Map<String, String> uidsAndIds() {
    Map<String, String> state = new TreeMap<>();
    for (String user : List.of(ALICE, BOB)) {
      try (RawImap imap = RawImap.login(server, user, Clients.PASSWORD)) {
        RawImap.Response select = imap.command("SELECT INBOX");
        RawImap.Response fetch =
            imap.command("UID FETCH 1:* (UID BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)])");
        state.put(
            user,
            select.code("UIDVALIDITY")
                + " "
                + fetch.lines("").stream()
                    .filter(line -> RawImap.fetchNumber(line) > 0)
                    .map(line -> line.text() + new String(line.literals().get(0), UTF_8).trim())
                    .toList());
      }
    }
    return state;
  }

  private static List<String> searchSubject(RawImap imap, String word) {
    byte[] utf8 = word.getBytes(UTF_8);
    RawImap.Response search =
        imap.command("SEARCH CHARSET UTF-8 SUBJECT {" + utf8.length + "+}\r\n" + word);
    assertThat(search.tagged()).startsWith("OK");
    String line = search.lines("SEARCH").get(0).text();
    return List.of(line.substring("* SEARCH".length()).trim().split(" +")).stream()
        .filter(s -> !s.isEmpty())
        .toList();
  }

  /** The date of the Received field the old server wrote at delivery. */
  private static ZonedDateTime received(byte[] message) {
    Matcher m = RECEIVED.matcher(new String(message, ISO_8859_1));
    assertThat(m.find()).as("a Received field").isTrue();
    return ZonedDateTime.parse(m.group(2), DateTimeFormatter.RFC_1123_DATE_TIME);
  }

  private static Map<String, Map<String, byte[]>> oldMessages(Path mail) throws IOException {
    Map<String, Map<String, byte[]>> byUser = new HashMap<>();
    try (Stream<Path> files = Files.walk(mail)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        if (file.getFileName().toString().startsWith(".")) {
          continue;
        }
        byte[] content = Files.readAllBytes(file);
        Matcher m = RECEIVED.matcher(new String(content, ISO_8859_1));
        assertThat(m.find()).as("a Received field in %s", file).isTrue();
        byUser
            .computeIfAbsent(m.group(1), user -> new HashMap<>())
            .put(file.getFileName().toString(), content);
      }
    }
    return byUser;
  }

  private static void unzip(String resource, Path into) throws IOException {
    try (InputStream in = UpgradeIT.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      try (ZipInputStream zip = new ZipInputStream(in)) {
        ZipEntry entry;
        while ((entry = zip.getNextEntry()) != null) {
          Path target = into.resolve(entry.getName()).normalize();
          if (!target.startsWith(into)) {
            throw new IOException("entry outside the data directory: " + entry.getName());
          }
          if (entry.isDirectory()) {
            Files.createDirectories(target);
          } else {
            Files.createDirectories(target.getParent());
            Files.copy(zip, target);
          }
        }
      }
    }
  }
}
