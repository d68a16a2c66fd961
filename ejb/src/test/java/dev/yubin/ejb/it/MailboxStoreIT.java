package dev.yubin.ejb.it;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.yubin.ejb.accounts.application.AccountService;
import dev.yubin.ejb.it.inboxes.Inboxes;
import dev.yubin.ejb.mailbox.application.AppendResult;
import dev.yubin.ejb.mailbox.application.ContentFiles;
import dev.yubin.ejb.mailbox.application.ContentReaper;
import dev.yubin.ejb.mailbox.application.CopyResult;
import dev.yubin.ejb.mailbox.application.MailboxCounts;
import dev.yubin.ejb.mailbox.application.MailboxDelta;
import dev.yubin.ejb.mailbox.application.MailboxFolders;
import dev.yubin.ejb.mailbox.application.MailboxReader;
import dev.yubin.ejb.mailbox.application.MailboxRepository;
import dev.yubin.ejb.mailbox.application.MailboxSnapshot;
import dev.yubin.ejb.mailbox.application.MessageAppender;
import dev.yubin.ejb.mailbox.application.MessageCriteria;
import dev.yubin.ejb.mailbox.application.MessageSearch;
import dev.yubin.ejb.mailbox.application.MessageState;
import dev.yubin.ejb.mailbox.application.MessageSummary;
import dev.yubin.ejb.mailbox.application.MessageUpdates;
import dev.yubin.ejb.mailbox.application.SortCriterion;
import dev.yubin.ejb.mailbox.domain.FlagChange;
import dev.yubin.ejb.mailbox.domain.Flags;
import dev.yubin.ejb.mailbox.domain.SystemFlag;
import dev.yubin.ejb.platform.application.MailStore;
import dev.yubin.ejb.platform.infrastructure.dns.ClientNames;
import dev.yubin.ejb.platform.infrastructure.store.SpoolFile;
import dev.yubin.ejb.submission.application.Submission;
import dev.yubin.protocol.ConnectionInfo;
import dev.yubin.protocol.Reply;
import dev.yubin.protocol.smtp.Envelope;
import dev.yubin.protocol.smtp.SmtpSessionInfo;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The mailbox store's promises (ADR 0009) that only a container shows: local delivery lands where
 * IMAP reads it, COPY and MOVE share one content row and file, the file of the last expunged
 * placement goes after the commit, a delivery whose transaction rolls back leaves no file, and the
 * repository's queries run on EclipseLink and H2.
 */
@ExtendWith(ArquillianExtension.class)
public class MailboxStoreIT {

  private static final String INBOX = "INBOX";
  private static final String SENDER = "sender@remote.test";
  private static final SmtpSessionInfo SESSION =
      new SmtpSessionInfo(
          new ConnectionInfo("192.0.2.7", 40123, "127.0.0.1", 25, false),
          "client.remote.test",
          true,
          null);

  @Deployment
  public static WebArchive deployment() {
    return YubinDeployment.create("mailbox-store-it", Inboxes.class.getPackage());
  }

  @Inject AccountService accounts;
  @Inject Submission submission;
  @Inject ClientNames clientNames;
  @Inject MailStore store;
  @Inject MailboxFolders folders;
  @Inject MailboxReader reader;
  @Inject MessageAppender appender;
  @Inject MessageUpdates updates;
  @Inject MessageSearch search;
  @Inject ContentReaper reaper;
  @Inject MailboxRepository repository;
  @Inject ContentFiles contentFiles;
  @Inject Inboxes inboxes;
  @Inject UserTransaction transaction;

  @Test
  void aDeliveredMessageIsUidOneOfTheInboxImapOpens() throws IOException {
    String user = newUser("imap");
    String message = "From: <sender@remote.test>\r\nSubject: for IMAP\r\n\r\nHello, IMAP.\r\n";

    assertThat(deliver(user, message).code()).isEqualTo(250);

    MailboxSnapshot inbox = reader.open(user, INBOX, true);
    assertThat(inbox.uids()).containsExactly(1);
    assertThat(inbox.uidValidity()).isPositive();
    assertThat(inbox.uidNext()).isEqualTo(2);
    assertThat(inbox.recentUids()).containsExactly(1);
    assertThat(inbox.firstUnseenUid()).isEqualTo(1);
    List<MessageSummary> fetched = reader.fetch(user, inbox.id(), new long[] {1}, true);
    assertThat(fetched).singleElement().satisfies(m -> assertThat(m.structure()).isNotEmpty());
    byte[] stored = inboxes.content(user, inboxes.keys(user).get(0));
    assertThat(fetched.get(0).size()).isEqualTo(stored.length);
    assertThat(new String(stored, US_ASCII)).startsWith("Return-Path: <").endsWith(message);
    try (InputStream in = reader.content(user, inbox.id(), 1, 0, stored.length)) {
      assertThat(in.readAllBytes()).isEqualTo(stored);
    }
    assertThat(inboxes.messages(user, INBOX).get(0).path()).startsWith("blobs/");
    assertThat(reader.open(user, INBOX, true).recentUids()).as("claimed once").isEmpty();
  }

  @Test
  void anAppendedMessageCopiedAndMovedKeepsOneContentRowAndOneFile() throws IOException {
    String user = newUser("copy");
    folders.ensureDefaults(user);
    Set<String> before = new HashSet<>(contentFiles.scan());

    AppendResult appended = append(user, "Drafts", "Subject: draft\r\n\r\nOne file.\r\n");

    assertThat(appended.status()).isEqualTo(AppendResult.Status.OK);
    assertThat(appended.uid()).isEqualTo(1);
    Inboxes.Placement draft = inboxes.messages(user, "Drafts").get(0);
    assertThat(newFiles(before)).containsExactly(draft.path());
    long drafts = reader.open(user, "Drafts", false).id();
    CopyResult copied = updates.copy(user, drafts, new long[] {1}, "Archive", false);
    long archive = reader.open(user, "Archive", false).id();
    CopyResult moved = updates.copy(user, archive, new long[] {1}, "Trash", true);

    assertThat(copied.status()).isEqualTo(CopyResult.Status.OK);
    assertThat(moved.status()).isEqualTo(CopyResult.Status.OK);
    assertThat(inboxes.messages(user, "Archive")).as("moved away").isEmpty();
    assertThat(inboxes.messages(user, "Trash"))
        .singleElement()
        .satisfies(m -> assertThat(m.contentId()).isEqualTo(draft.contentId()));
    assertThat(newFiles(before)).as("no second file").containsExactly(draft.path());
    assertThat(reader.usage(user).messages()).isEqualTo(2);
  }

  @Test
  void expungingTheLastPlacementRemovesTheFileAfterTheCommit() throws IOException {
    String user = newUser("expunge");
    assertThat(deliver(user, "Subject: short-lived\r\n\r\nGone soon.\r\n").code()).isEqualTo(250);
    Inboxes.Placement delivered = inboxes.messages(user, INBOX).get(0);
    MailboxSnapshot inbox = reader.open(user, INBOX, true);
    updates.copy(user, inbox.id(), new long[] {1}, "Archive", false);
    long archive = reader.open(user, "Archive", false).id();
    FlagChange deleted =
        new FlagChange(FlagChange.Mode.ADD, Flags.of(Set.of(SystemFlag.DELETED), List.of()));

    updates.store(user, inbox.id(), new long[] {1}, deleted, -1);
    MailboxDelta flagged = reader.changes(user, inbox.id(), inbox.highestModseq(), false);
    assertThat(updates.expunge(user, inbox.id(), null)).containsExactly(1);

    assertThat(flagged.changed())
        .extracting(MessageState::uid, m -> m.flags().has(SystemFlag.DELETED))
        .containsExactly(tuple(1L, true));
    assertThat(reader.changes(user, inbox.id(), flagged.highestModseq(), false).expunged())
        .containsExactly(1);
    assertThat(contentFiles.exists(delivered.path())).as("Archive still has it").isTrue();

    assertThat(updates.remove(user, archive, new long[] {1})).containsExactly(1);

    assertThat(contentFiles.exists(delivered.path())).as("gone once committed").isFalse();
    assertThat(repository.knownPaths(List.of(delivered.path())))
        .as("the row waits for the sweep")
        .containsExactly(delivered.path());
    assertThat(reaper.sweep()).isGreaterThanOrEqualTo(1);
    assertThat(repository.knownPaths(List.of(delivered.path()))).isEmpty();
  }

  @Test
  void aDeliveryWhoseTransactionRollsBackLeavesNoFile() throws Exception {
    String user = newUser("rollback");
    String path;

    transaction.begin();
    try {
      assertThat(deliver(user, "Subject: never\r\n\r\nRolled back.\r\n").code()).isEqualTo(250);
      path = inboxes.messages(user, INBOX).get(0).path();
      assertThat(contentFiles.exists(path)).as("written before the commit").isTrue();
    } finally {
      transaction.rollback();
    }

    assertThat(contentFiles.exists(path)).isFalse();
    assertThat(contentFiles.scan()).doesNotContain(path);
    assertThat(inboxes.keys(user)).isEmpty();
  }

  @Test
  void searchSortAndCountersRunOnTheStoredRows() throws IOException {
    String user = newUser("search");
    deliver(user, "From: Zoe <zoe@remote.test>\r\nSubject: Alpha report\r\n\r\nNothing.\r\n");
    deliver(user, "From: Al <al@remote.test>\r\nSubject: beta\r\n\r\nThe NEEDLE is here.\r\n");
    long inbox = reader.open(user, INBOX, false).id();
    List<Inboxes.Placement> stored = inboxes.messages(user, INBOX);
    long size = stored.get(0).size() + stored.get(1).size();

    assertThat(search.search(user, inbox, new MessageCriteria.Header("Subject", "ALPHA")))
        .containsExactly(1);
    assertThat(search.search(user, inbox, new MessageCriteria.Body("needle"))).containsExactly(2);
    assertThat(search.search(user, inbox, new MessageCriteria.Text("zoe"))).containsExactly(1);
    assertThat(
            search.sort(
                user,
                inbox,
                List.of(new SortCriterion(SortCriterion.Field.FROM, false)),
                MessageCriteria.ALL))
        .containsExactly(2, 1);

    MailboxCounts counts = folders.status(user, INBOX);
    assertThat(counts.messages()).isEqualTo(2);
    assertThat(counts.unseen()).isEqualTo(2);
    assertThat(counts.recent()).isEqualTo(2);
    assertThat(counts.deleted()).isZero();
    assertThat(counts.size()).isEqualTo(size);
    assertThat(reader.usage(user)).isEqualTo(new MailboxReader.Usage(size, 2, null));

    long first = stored.get(0).contentId();
    assertThat(repository.structures(List.of(first, stored.get(1).contentId())))
        .containsOnlyKeys(first, stored.get(1).contentId());
    assertThat(repository.contentPaths(first - 1, 2))
        .containsExactly(
            new MailboxRepository.ContentPath(first, stored.get(0).path()),
            new MailboxRepository.ContentPath(stored.get(1).contentId(), stored.get(1).path()));
    assertThat(repository.knownPaths(List.of(stored.get(1).path(), "blobs/00/unknown")))
        .containsExactly(stored.get(1).path());
  }

  private String newUser(String localPart) {
    String domain = Names.domain();
    accounts.addDomain(domain);
    return accounts.addUser(localPart + "@" + domain, "secret").getAddress();
  }

  private Reply deliver(String recipient, String message) throws IOException {
    SpoolFile spool = store.files().newSpoolFile();
    byte[] bytes = message.getBytes(US_ASCII);
    spool.write(bytes, 0, bytes.length);
    return Smtp.data(
        submission,
        SESSION,
        clientNames.describe(SESSION.connection().remoteAddress()),
        new Envelope(SENDER, List.of(recipient)),
        spool);
  }

  private AppendResult append(String owner, String mailbox, String message) throws IOException {
    Path spooled = Files.createTempFile("yubin-it", ".eml");
    try {
      Files.writeString(spooled, message, US_ASCII);
      return appender.append(
          owner, mailbox, Flags.none(), OffsetDateTime.now(ZoneOffset.UTC), spooled);
    } finally {
      Files.delete(spooled);
    }
  }

  /** Content files written since {@code before}. */
  private List<String> newFiles(Set<String> before) throws IOException {
    return contentFiles.scan().stream().filter(path -> !before.contains(path)).toList();
  }
}
