package dev.yubin.ejb.it;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.ejb.accounts.application.AccountService;
import dev.yubin.ejb.it.inboxes.Inboxes;
import dev.yubin.ejb.mailbox.application.ContentFiles;
import dev.yubin.ejb.mailbox.application.MaildropSnapshots;
import dev.yubin.ejb.mailbox.application.Maildrops;
import dev.yubin.ejb.mailbox.application.StoreRecovery;
import dev.yubin.ejb.platform.application.MailStore;
import dev.yubin.ejb.platform.infrastructure.dns.ClientNames;
import dev.yubin.ejb.platform.infrastructure.store.SpoolFile;
import dev.yubin.ejb.submission.application.Submission;
import dev.yubin.protocol.ConnectionInfo;
import dev.yubin.protocol.Reply;
import dev.yubin.protocol.smtp.Envelope;
import dev.yubin.protocol.smtp.SmtpSessionInfo;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Local delivery, POP3 maildrops and start-up recovery over JPA, H2 and the real file store, inside
 * Payara Micro.
 */
@ExtendWith(ArquillianExtension.class)
public class MailStoreIT {

  private static final String HOSTNAME = "mx.yubin-it.test";
  private static final String SENDER = "sender@remote.test";
  private static final SmtpSessionInfo SESSION =
      new SmtpSessionInfo(
          new ConnectionInfo("192.0.2.7", 40123, "127.0.0.1", 25, false),
          "client.remote.test",
          true,
          null);
  private static final String MESSAGE =
      "From: <sender@remote.test>\r\n"
          + "Subject: stored by the container\r\n"
          + "\r\n"
          + "Hello from MailStoreIT.\r\n";

  @Deployment
  public static WebArchive deployment() {
    return YubinDeployment.create("mail-store-it", Inboxes.class.getPackage());
  }

  @Inject AccountService accounts;
  @Inject Submission submission;
  @Inject ClientNames clientNames;
  @Inject Maildrops maildrops;
  @Inject StoreRecovery recovery;
  @Inject ContentFiles contentFiles;
  @Inject MailStore store;
  @Inject Inboxes inboxes;

  @Test
  void recipientsAreLocalUsersUnknownLocalAddressesOrRelay() {
    String domain = Names.domain();
    String user = newUser(domain, "rcpt");

    assertThat(Smtp.rcpt(submission, user, false)).isEqualTo(Reply.of(250, "2.1.5", "Ok"));
    assertThat(Smtp.rcpt(submission, "RCPT@" + domain.toUpperCase() + ".", false).code())
        .isEqualTo(250);
    assertThat(Smtp.rcpt(submission, "nobody@" + domain, false))
        .extracting(Reply::code, Reply::status)
        .containsExactly(550, "5.1.1");
    assertThat(Smtp.rcpt(submission, "rcpt@" + Names.domain(), false))
        .extracting(Reply::code, Reply::status)
        .containsExactly(550, "5.7.1");
    assertThat(Smtp.rcpt(submission, "no-at-sign", false).code()).isEqualTo(550);
    assertThat(Smtp.rcpt(submission, "rcpt@" + Names.domain(), true))
        .as("an authenticated sender may relay")
        .extracting(Reply::code, Reply::status)
        .containsExactly(250, "2.1.5");
  }

  @Test
  void deliveryStoresOneCopyPerRecipientWithReturnPathAndReceived() throws IOException {
    String domain = Names.domain();
    String alice = newUser(domain, "alice");
    String bob = newUser(domain, "bob");
    SpoolFile spool = spool(MESSAGE);

    Reply reply =
        Smtp.data(submission, SESSION, client(), new Envelope(SENDER, List.of(alice, bob)), spool);

    assertThat(reply.code()).isEqualTo(250);
    assertThat(reply.text()).isEqualTo("Ok: queued as " + spool.queueId());
    assertThat(spool.path()).doesNotExist();
    String aliceKey = assertDeliveredOnce(alice, spool.queueId());
    String bobKey = assertDeliveredOnce(bob, spool.queueId());
    assertThat(aliceKey).isNotEqualTo(bobKey);
  }

  @Test
  void aMaildropIsListedLockedReadAndExpunged() throws IOException {
    String user = newUser(Names.domain(), "carol");
    deliver(user);

    MaildropSnapshots.Snapshot first = maildrops.open(user);
    try {
      assertThat(first.messages()).hasSize(1);
      MaildropSnapshots.Message message = first.messages().get(0);

      assertThat(maildrops.open(user)).as("locked by the first session").isNull();

      byte[] content = read(maildrops.retrieve(user, message.uid()));
      assertThat(content).hasSize((int) message.size());
      assertThat(new String(content, US_ASCII)).endsWith(MESSAGE);

      String path = inboxes.messages(user, "INBOX").get(0).path();
      maildrops.remove(user, new long[] {message.uid()});
      assertThat(maildrops.retrieve(user, message.uid())).isNull();
      assertThat(inboxes.keys(user)).isEmpty();
      assertThat(contentFiles.exists(path)).as("the file goes after the commit").isFalse();
    } finally {
      maildrops.close(user);
    }

    MaildropSnapshots.Snapshot again = maildrops.open(user);
    try {
      assertThat(again.messages()).isEmpty();
    } finally {
      maildrops.close(user);
    }
  }

  @Test
  void recoverySetsAsideAContentFileNoRowReferences() throws IOException {
    Path body = Files.createTempFile("yubin-it", ".eml");
    ContentFiles.Stored stored;
    try {
      Files.writeString(body, MESSAGE, US_ASCII);
      stored = contentFiles.store("X-Found: on disk\r\n".getBytes(US_ASCII), body, 0);
    } finally {
      Files.delete(body);
    }

    StoreRecovery.Report report = recovery.recover();

    assertThat(report.setAside()).isGreaterThanOrEqualTo(1);
    assertThat(contentFiles.exists(stored.path())).isFalse();
    assertThat(contentFiles.scan()).doesNotContain(stored.path());
  }

  @Test
  void recoveryKeepsARowWhoseFileIsGone() throws IOException {
    String user = newUser(Names.domain(), "erin");
    String kept = newUser(Names.domain(), "frank");
    deliver(user);
    deliver(kept);
    String key = inboxes.keys(user).get(0);
    assertThat(contentFiles.delete(inboxes.messages(user, "INBOX").get(0).path())).isTrue();

    StoreRecovery.Report report = recovery.recover();

    assertThat(report.missing()).as("reported").isGreaterThanOrEqualTo(1);
    assertThat(inboxes.keys(user))
        .as("an unmounted disk must not cost the messages")
        .containsExactly(key);
    assertThat(inboxes.keys(kept)).hasSize(1);
    MaildropSnapshots.Snapshot maildrop = maildrops.open(user);
    try {
      assertThat(maildrops.retrieve(user, maildrop.messages().get(0).uid()))
          .as("reading fails for that message only")
          .isNull();
    } finally {
      maildrops.close(user);
    }
  }

  private String newUser(String domain, String localPart) {
    accounts.addDomain(domain);
    return accounts.addUser(localPart + "@" + domain, "secret").getAddress();
  }

  private SpoolFile spool(String content) throws IOException {
    SpoolFile spool = store.files().newSpoolFile();
    byte[] bytes = content.getBytes(US_ASCII);
    spool.write(bytes, 0, bytes.length);
    return spool;
  }

  private void deliver(String recipient) throws IOException {
    Reply reply =
        Smtp.data(
            submission,
            SESSION,
            client(),
            new Envelope(SENDER, List.of(recipient)),
            spool(MESSAGE));
    assertThat(reply.code()).isEqualTo(250);
  }

  /** The one message in the recipient's maildrop, checked byte for byte; answers its key. */
  private String assertDeliveredOnce(String recipient, String queueId) throws IOException {
    MaildropSnapshots.Snapshot maildrop = maildrops.open(recipient);
    try {
      assertThat(maildrop.messages()).hasSize(1);
      MaildropSnapshots.Message message = maildrop.messages().get(0);
      String content = new String(read(maildrops.retrieve(recipient, message.uid())), US_ASCII);
      assertThat(content)
          .startsWith(
              "Return-Path: <"
                  + SENDER
                  + ">\r\n"
                  + "Received: from client.remote.test (unknown [192.0.2.7])\r\n"
                  + "\tby "
                  + HOSTNAME
                  + " (Yubin) with ESMTP id "
                  + queueId
                  + "\r\n"
                  + "\tfor <"
                  + recipient
                  + ">; ")
          .endsWith("\r\n" + MESSAGE);
      assertThat(content.getBytes(US_ASCII)).hasSize((int) message.size());
      assertThat(inboxes.keys(recipient)).containsExactly(message.uidl());
      return message.uidl();
    } finally {
      maildrops.close(recipient);
    }
  }

  private static byte[] read(InputStream in) throws IOException {
    assertThat(in).isNotNull();
    try (in) {
      return in.readAllBytes();
    }
  }

  /** The client as the Received header names it, looked up as SmtpBackendBean does. */
  private String client() {
    return clientNames.describe(SESSION.connection().remoteAddress());
  }
}
