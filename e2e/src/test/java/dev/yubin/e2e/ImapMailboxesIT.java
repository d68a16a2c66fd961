package dev.yubin.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DELETE and RENAME of mailboxes that hold messages, on the real store: content shared by copies in
 * other mailboxes stays until its last placement goes (then its file goes too), expunge records of
 * a deleted mailbox go with it, a renamed mailbox keeps its UIDs and UIDVALIDITY while a new one of
 * the old name gets a new UIDVALIDITY, and RENAME INBOX moves the messages out and leaves INBOX
 * empty without reusing its UIDs (RFC 3501 §2.3.1.1, §6.3.4, §6.3.5).
 */
class ImapMailboxesIT {

  static final String DOMAIN = "folders.e2e.test";
  static final Pattern STATUS_ITEM = Pattern.compile("([A-Z]+) (\\d+)");
  static YubinServer server;

  @BeforeAll
  static void start() {
    server = YubinServer.builder("mailboxes").freePorts().domains(DOMAIN).build();
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

  static void deliver(String to, String subject) {
    byte[] message =
        Clients.crlf(
            "From: <taro@sender.example>",
            "To: <" + to + ">",
            "Subject: " + subject,
            "",
            "The message called " + subject + ".");
    List<String> sent = Clients.smtpSend(server, "taro@sender.example", message, to);
    assertThat(Clients.line(sent, "DATA")).startsWith("DATA 250 ");
  }

  static void ok(RawImap imap, String command) {
    assertThat(imap.command(command).tagged()).as(command).startsWith("OK");
  }

  /** STATUS of MAILBOX: MESSAGES, UIDNEXT and UIDVALIDITY. */
  static Map<String, Long> status(RawImap imap, String mailbox) {
    RawImap.Response status =
        imap.command("STATUS " + RawImap.quote(mailbox) + " (MESSAGES UIDNEXT UIDVALIDITY)");
    assertThat(status.tagged()).as("STATUS " + mailbox).startsWith("OK");
    String line = status.lines("STATUS").get(0).text();
    Map<String, Long> items = new HashMap<>();
    Matcher m = STATUS_ITEM.matcher(line.substring(line.lastIndexOf('(')));
    while (m.find()) {
      items.put(m.group(1), Long.parseLong(m.group(2)));
    }
    return items;
  }

  /** UID to the whole message, for every message of the selected mailbox. */
  static Map<Long, byte[]> messages(RawImap imap) {
    RawImap.Response fetch = imap.command("UID FETCH 1:* (UID BODY.PEEK[])");
    assertThat(fetch.tagged()).startsWith("OK");
    Map<Long, byte[]> messages = new HashMap<>();
    for (RawImap.Line line : fetch.lines("")) {
      Matcher uid = Pattern.compile("UID (\\d+)").matcher(line.text());
      if (RawImap.fetchNumber(line) > 0 && uid.find()) {
        messages.put(Long.parseLong(uid.group(1)), line.literals().get(0));
      }
    }
    return messages;
  }

  static String subject(byte[] message) {
    Matcher m = Pattern.compile("Subject: (\\S+)").matcher(new String(message, UTF_8));
    return m.find() ? m.group(1) : null;
  }

  static String list(RawImap imap) {
    RawImap.Response list = imap.command("LIST \"\" \"*\"");
    assertThat(list.tagged()).startsWith("OK");
    return String.join("\n", list.texts());
  }

  @Test
  void deleteOfAFolderWithCopiedAndExpungedMessagesKeepsTheCopiesAndFreesOnlyUnsharedContent() {
    String user = newUser("deleter");
    deliver(user, "one");
    deliver(user, "two");
    deliver(user, "three");
    try (RawImap imap = RawImap.login(server, user, Clients.PASSWORD)) {
      ok(imap, "CREATE Work");
      ok(imap, "CREATE Keep");
      ok(imap, "SELECT INBOX");
      Map<Long, byte[]> inbox = messages(imap);
      ok(imap, "COPY 1:3 Work");
      ok(imap, "SELECT Work");
      long workValidity = status(imap, "Work").get("UIDVALIDITY");
      ok(imap, "STORE 3 +FLAGS (\\Deleted)");
      assertThat(imap.command("EXPUNGE").texts()).contains("* 3 EXPUNGE");
      ok(imap, "COPY 2 Keep");
      ok(imap, "SELECT INBOX");
      ok(imap, "STORE 1:2 +FLAGS (\\Deleted)");
      ok(imap, "EXPUNGE");
      // "one" is only in Work now, "two" in Work and Keep, "three" only in INBOX
      assertThat(server.storedMessageFilesFor(user)).hasSize(3);

      assertThat(imap.command("DELETE Work").tagged()).startsWith("OK");

      assertThat(list(imap)).doesNotContain("\"Work\"");
      assertThat(server.storedMessageFilesFor(user))
          .as("the content only Work held is gone, the shared one stays")
          .hasSize(2);
      ok(imap, "SELECT Keep");
      assertThat(messages(imap).values()).singleElement().isEqualTo(inbox.get(2L));
      ok(imap, "SELECT INBOX");
      assertThat(messages(imap).values()).singleElement().isEqualTo(inbox.get(3L));

      ok(imap, "CREATE Work");
      Map<String, Long> again = status(imap, "Work");
      assertThat(again.get("UIDVALIDITY")).isNotEqualTo(workValidity);
      assertThat(again.get("MESSAGES")).isZero();
      assertThat(again.get("UIDNEXT")).isEqualTo(1);

      assertThat(imap.command("DELETE Keep").tagged()).startsWith("OK");
      assertThat(server.storedMessageFilesFor(user)).singleElement();
    }
  }

  @Test
  void
      renameKeepsUidsAndUidValidityOfTheFolderAndItsChildrenAndANewFolderOfTheOldNameGetsNewOnes() {
    String user = newUser("renamer");
    deliver(user, "one");
    deliver(user, "two");
    try (RawImap imap = RawImap.login(server, user, Clients.PASSWORD)) {
      ok(imap, "CREATE Projects/2026");
      ok(imap, "SELECT INBOX");
      ok(imap, "COPY 1:2 Projects");
      ok(imap, "COPY 2 Projects/2026");
      Map<String, Long> projects = status(imap, "Projects");
      Map<String, Long> child = status(imap, "Projects/2026");
      ok(imap, "SELECT Projects");
      Map<Long, byte[]> before = messages(imap);
      ok(imap, "UNSELECT");

      assertThat(imap.command("RENAME Projects Done").tagged()).startsWith("OK");

      String list = list(imap);
      assertThat(list).contains("\"Done\"").contains("\"Done/2026\"").doesNotContain("Projects");
      assertThat(status(imap, "Done")).isEqualTo(projects);
      assertThat(status(imap, "Done/2026")).isEqualTo(child);
      ok(imap, "SELECT Done");
      Map<Long, byte[]> after = messages(imap);
      assertThat(after.keySet()).isEqualTo(before.keySet());
      before.forEach((uid, bytes) -> assertThat(after.get(uid)).isEqualTo(bytes));
      ok(imap, "UNSELECT");

      ok(imap, "CREATE Projects");
      Map<String, Long> fresh = status(imap, "Projects");
      assertThat(fresh.get("UIDVALIDITY"))
          .as("a new mailbox of a used name: its UIDs name other messages")
          .isNotEqualTo(projects.get("UIDVALIDITY"));
      assertThat(fresh.get("MESSAGES")).isZero();
      assertThat(server.storedMessageFilesFor(user)).hasSize(2);
    }
  }

  @Test
  void renameInboxMovesItsMessagesAndLeavesItEmptyWithoutReusingItsUids() {
    String user = newUser("inbox");
    deliver(user, "one");
    deliver(user, "two");
    try (RawImap imap = RawImap.login(server, user, Clients.PASSWORD)) {
      ok(imap, "SELECT INBOX");
      Map<Long, byte[]> before = messages(imap);
      Map<String, Long> inbox = status(imap, "INBOX");
      ok(imap, "UNSELECT");

      assertThat(imap.command("RENAME INBOX Old").tagged()).startsWith("OK");

      Map<String, Long> emptied = status(imap, "INBOX");
      assertThat(emptied.get("MESSAGES")).isZero();
      assertThat(emptied.get("UIDVALIDITY")).isEqualTo(inbox.get("UIDVALIDITY"));
      assertThat(emptied.get("UIDNEXT")).isEqualTo(inbox.get("UIDNEXT"));
      assertThat(status(imap, "Old").get("MESSAGES")).isEqualTo(2);
      ok(imap, "SELECT Old");
      assertThat(messages(imap).values().stream().map(ImapMailboxesIT::subject))
          .containsExactlyInAnyOrder("one", "two");
      assertThat(messages(imap).values())
          .usingElementComparator(java.util.Arrays::compare)
          .containsExactlyInAnyOrderElementsOf(before.values());

      deliver(user, "three");

      ok(imap, "SELECT INBOX");
      Map<Long, byte[]> now = messages(imap);
      assertThat(now.keySet()).singleElement().isEqualTo(inbox.get("UIDNEXT"));
      assertThat(subject(now.values().iterator().next())).isEqualTo("three");
      assertThat(server.storedMessageFilesFor(user))
          .as("moved messages keep their one content file each")
          .hasSize(3);
    }
  }

  /**
   * INBOX and the special-use mailboxes exist from an account's first command on: APPEND, STATUS or
   * SELECT first all find them, also when two sessions of a new account start at once.
   */
  @Test
  void aNewAccountsFirstCommandFindsInboxAndTheSpecialUseMailboxes() throws Exception {
    byte[] message = Clients.crlf("Subject: first", "", "The first command.");
    for (String mailbox : List.of("INBOX", "Sent")) {
      try (RawImap imap = RawImap.login(server, newUser("first"), Clients.PASSWORD)) {
        assertThat(imap.append(mailbox, "", message, false).tagged())
            .as("APPEND to %s first", mailbox)
            .startsWith("OK [APPENDUID ");
      }
    }
    try (RawImap imap = RawImap.login(server, newUser("first"), Clients.PASSWORD)) {
      assertThat(status(imap, "INBOX").get("MESSAGES")).isZero();
    }
    for (int i = 0; i < 5; i++) {
      String user = newUser("together");
      try (RawImap selecting = RawImap.login(server, user, Clients.PASSWORD);
          RawImap appending = RawImap.login(server, user, Clients.PASSWORD)) {
        java.util.concurrent.CompletableFuture<String> select =
            java.util.concurrent.CompletableFuture.supplyAsync(
                () -> selecting.command("SELECT INBOX").tagged());
        String append = appending.append("INBOX", "", message, true).tagged();
        assertThat(append).startsWith("OK [APPENDUID ");
        assertThat(select.get()).startsWith("OK");
      }
      try (RawImap imap = RawImap.login(server, user, Clients.PASSWORD)) {
        assertThat(list(imap).lines().filter(l -> l.startsWith("* LIST"))).hasSize(6);
      }
    }
  }
}
