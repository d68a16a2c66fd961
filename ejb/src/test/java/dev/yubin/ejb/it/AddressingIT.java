package dev.yubin.ejb.it;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.yubin.ejb.accounts.application.AccountService;
import dev.yubin.ejb.accounts.application.Addressing;
import dev.yubin.ejb.accounts.application.addressing.Alias;
import dev.yubin.ejb.it.inboxes.Inboxes;
import dev.yubin.ejb.mailbox.application.MaildropSnapshots;
import dev.yubin.ejb.mailbox.application.Maildrops;
import dev.yubin.ejb.platform.application.MailStore;
import dev.yubin.ejb.platform.infrastructure.dns.ClientNames;
import dev.yubin.ejb.platform.infrastructure.store.SpoolFile;
import dev.yubin.ejb.relay.application.OutboundQueue;
import dev.yubin.ejb.submission.application.Submission;
import dev.yubin.ejb.submission.application.SubmissionPolicy;
import dev.yubin.protocol.ConnectionInfo;
import dev.yubin.protocol.Reply;
import dev.yubin.protocol.smtp.DsnNotify;
import dev.yubin.protocol.smtp.DsnRequest;
import dev.yubin.protocol.smtp.Envelope;
import dev.yubin.protocol.smtp.Recipient;
import dev.yubin.protocol.smtp.SmtpSessionInfo;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Aliases, subaddresses, catch-alls, postmaster and quotas over JPA, H2 and the file store, inside
 * Payara Micro: what RCPT answers and where the end of DATA puts the copies.
 */
@ExtendWith(ArquillianExtension.class)
public class AddressingIT {

  private static final String SENDER = "sender@remote.test";
  private static final SmtpSessionInfo SESSION =
      new SmtpSessionInfo(
          new ConnectionInfo("192.0.2.7", 40123, "127.0.0.1", 25, false),
          "client.remote.test",
          true,
          null);
  private static final String MESSAGE =
      "From: <sender@remote.test>\r\nSubject: addressing\r\n\r\nHello from AddressingIT.\r\n";

  @Deployment
  public static WebArchive deployment() {
    return YubinDeployment.create("addressing-it", Inboxes.class.getPackage());
  }

  @Inject AccountService accounts;
  @Inject Addressing addressing;
  @Inject OutboundQueue queue;
  @Inject Submission submission;
  @Inject ClientNames clientNames;
  @Inject SubmissionPolicy policy;
  @Inject MailStore store;
  @Inject Maildrops maildrops;
  @Inject Inboxes inboxes;

  @Test
  void anAliasDeliversOneCopyToEachMailboxHoweverOftenItIsReached() throws IOException {
    String domain = Names.domain();
    String alice = newUser(domain, "alice");
    String bob = newUser(domain, "bob");
    assertThat(addressing.putAlias("Devs@" + domain, List.of(alice, "BOB@" + domain))).isTrue();
    assertThat(addressing.putAlias("team@" + domain, List.of("devs@" + domain, alice))).isTrue();

    assertThat(Smtp.rcpt(submission, "team@" + domain, false).code()).isEqualTo(250);
    Reply reply = deliver(List.of("team@" + domain, "devs+x@" + domain, bob));

    assertThat(reply.code()).isEqualTo(250);
    assertThat(inboxes.keys(alice)).hasSize(1);
    assertThat(inboxes.keys(bob)).hasSize(1);
    assertThat(addressing.alias("devs@" + domain))
        .contains(new Alias("devs@" + domain, List.of(alice, bob)));
  }

  @Test
  void aliasesAreReplacedListedAndRemoved() {
    String domain = Names.domain();
    String alice = newUser(domain, "alice");
    String bob = newUser(domain, "bob");
    addressing.putAlias("info@" + domain, List.of(alice));

    assertThat(addressing.putAlias("info@" + domain, List.of(bob, "x@remote.test"))).isFalse();
    assertThat(addressing.aliases())
        .contains(new Alias("info@" + domain, List.of(bob, "x@remote.test")));
    assertThat(addressing.removeAlias("INFO@" + domain)).isTrue();
    assertThat(addressing.removeAlias("info@" + domain)).isFalse();
    assertThat(Smtp.rcpt(submission, "info@" + domain, false).code()).isEqualTo(550);
  }

  @Test
  void anAliasThatCannotDeliverIsRefused() {
    String domain = Names.domain();
    String alice = newUser(domain, "alice");
    addressing.putAlias("a@" + domain, List.of(alice));

    assertThatIllegalArgumentException()
        .isThrownBy(() -> addressing.putAlias(alice, List.of("a@" + domain)))
        .withMessageContaining("an account has this address");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> addressing.putAlias("x@" + Names.domain(), List.of(alice)))
        .withMessageContaining("not a local domain");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> addressing.putAlias("b@" + domain, List.of()))
        .withMessageContaining("at least one target");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> addressing.putAlias("b@" + domain, List.of("nobody@" + domain)))
        .withMessageContaining("no such local address");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> addressing.putAlias("b@" + domain, List.of("not an address")))
        .withMessageContaining("not an address");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> addressing.putAlias("a@" + domain, List.of("a@" + domain)))
        .withMessageContaining("its own target");
    addressing.putAlias("b@" + domain, List.of("a@" + domain));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> addressing.putAlias("a@" + domain, List.of("b@" + domain)))
        .withMessageContaining("alias loop");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> accounts.addUser("b@" + domain, "secret"))
        .withMessageContaining("an alias has this address");
  }

  @Test
  void aRemoteTargetIsQueuedForRelayBesideTheLocalCopy() throws IOException {
    String domain = Names.domain();
    String alice = newUser(domain, "alice");
    addressing.putAlias("fwd@" + domain, List.of(alice, "friend@remote.test"));

    assertThat(Smtp.rcpt(submission, "fwd@" + domain, false).code()).isEqualTo(250);
    assertThat(deliver(List.of("fwd@" + domain)))
        .extracting(Reply::code, Reply::status)
        .containsExactly(250, "2.0.0");
    assertThat(inboxes.keys(alice)).hasSize(1);
    assertThat(queue.entries())
        .anySatisfy(
            e ->
                assertThat(e.recipients())
                    .extracting(r -> r.address())
                    .containsExactly("friend@remote.test"));
  }

  @Test
  void subaddressesReachTheirBaseAndTheCatchAllTakesUnknownLocalParts() throws IOException {
    String domain = Names.domain();
    String alice = newUser(domain, "alice");
    String admin = newUser(domain, "admin");

    assertThat(Smtp.rcpt(submission, "alice+lists@" + domain, false).code()).isEqualTo(250);
    assertThat(Smtp.rcpt(submission, "whoever@" + domain, false).code()).isEqualTo(550);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> addressing.setCatchAll(domain, "nobody@" + domain))
        .withMessageContaining("alias loop");
    addressing.setCatchAll(domain.toUpperCase(), "Admin@" + domain);

    assertThat(Smtp.rcpt(submission, "whoever@" + domain, false).code()).isEqualTo(250);
    assertThat(deliver(List.of("alice+lists@" + domain, "whoever@" + domain)).code())
        .isEqualTo(250);
    assertThat(inboxes.keys(alice)).hasSize(1);
    assertThat(inboxes.keys(admin)).hasSize(1);

    addressing.setCatchAll(domain, null);
    assertThat(Smtp.rcpt(submission, "whoever@" + domain, false).code()).isEqualTo(550);
  }

  @Test
  void postmasterIsAlwaysAcceptedAndKeptUntilAnAccountReadsIt() throws IOException {
    String domain = Names.domain();
    accounts.addDomain(domain);
    String postmaster = "postmaster@" + domain;

    assertThat(Smtp.rcpt(submission, "PostMaster@" + domain, false).code()).isEqualTo(250);
    assertThat(Smtp.rcpt(submission, "postmaster", false).code()).isEqualTo(250);
    assertThat(deliver(List.of(postmaster)).code()).isEqualTo(250);
    assertThat(inboxes.keys(postmaster)).hasSize(1);

    accounts.addUser(postmaster, "secret");
    assertThat(inboxes.keys(postmaster)).hasSize(1);
    assertThat(inboxes.content(postmaster, inboxes.keys(postmaster).get(0))).isNotEmpty();
  }

  @Test
  void aSenderMaySendAsAnAliasThatReachesThem() {
    String domain = Names.domain();
    String alice = newUser(domain, "alice");
    String bob = newUser(domain, "bob");
    addressing.putAlias("sales@" + domain, List.of(alice));

    assertThat(policy.checkSender(alice, "sales@" + domain).isAccepted()).isTrue();
    assertThat(policy.checkSender(alice, "alice+x@" + domain).isAccepted()).isTrue();
    assertThat(policy.checkSender(bob, "sales@" + domain).isPermanentFailure()).isTrue();
  }

  @Test
  void quotasDeferAFullMailboxAtRcptAndRefuseAnOverflowAtTheEndOfData() throws IOException {
    String domain = Names.domain();
    String small = newUser(domain, "small");
    String roomy = newUser(domain, "roomy");
    assertThat(accounts.quota(small)).isEmpty();
    long copy = copySize(small); // the next copies differ by a byte at most (the date)
    accounts.setQuota(small, 2 * copy + copy / 2);
    assertThat(accounts.quota(small)).contains(2 * copy + copy / 2);

    assertThat(deliver(List.of(small)).code()).isEqualTo(250);
    long used = inboxes.usage(small);
    assertThat(used).isBetween(copy - 1, copy + 1);
    assertThat(Smtp.rcpt(submission, small, false).code()).isEqualTo(250);
    accounts.setQuota(small, used + copy / 2);

    assertThat(deliver(List.of(small)))
        .as("this copy would overflow the only mailbox")
        .extracting(Reply::code, Reply::status)
        .containsExactly(552, "5.2.2");
    assertThat(deliver(List.of(small, roomy)))
        .as("one overflows, the other has room: accepted, the full one bounced")
        .extracting(Reply::code, Reply::status)
        .containsExactly(250, "2.0.0");
    assertThat(inboxes.keys(roomy)).hasSize(1);
    assertThat(inboxes.usage(small)).isEqualTo(used);
    assertThat(reportsTo(SENDER))
        .anySatisfy(report -> assertThat(report).contains("<" + small + ">"));

    accounts.setQuota(small, used);
    assertThat(Smtp.rcpt(submission, small, false))
        .extracting(Reply::code, Reply::status)
        .containsExactly(452, "4.2.2");
    addressing.putAlias("both@" + domain, List.of(small, roomy));
    assertThat(Smtp.rcpt(submission, "both@" + domain, false).code()).isEqualTo(452);

    accounts.setQuota(small, null);
    assertThat(Smtp.rcpt(submission, small, false).code()).isEqualTo(250);
    assertThatIllegalArgumentException().isThrownBy(() -> accounts.setQuota(small, -1L));
  }

  @Test
  void aRecipientGoneSinceRcptIsBouncedToALocalSenderWhileTheOthersGetTheMessage()
      throws IOException {
    String domain = Names.domain();
    String alice = newUser(domain, "alice");
    String bob = newUser(domain, "bob");
    String sender = newUser(domain, "sender");
    addressing.putAlias("old@" + domain, List.of(bob));
    assertThat(Smtp.rcpt(submission, "old@" + domain, false).code()).isEqualTo(250);
    addressing.removeAlias("old@" + domain);

    assertThat(deliver(sender, List.of(alice, "old@" + domain)))
        .extracting(Reply::code, Reply::status)
        .containsExactly(250, "2.0.0");

    assertThat(inboxes.keys(alice)).hasSize(1);
    assertThat(inboxes.keys(bob)).isEmpty();
    List<String> reports = inboxes.keys(sender);
    assertThat(reports).hasSize(1);
    String report = new String(inboxes.content(sender, reports.get(0)), US_ASCII);
    assertThat(report)
        .startsWith("Return-Path: <>\r\n")
        .contains("Content-Type: multipart/report; report-type=delivery-status;")
        .contains("Final-Recipient: rfc822; old@" + domain)
        .contains("Action: failed")
        .contains("Status: 5.1.1")
        .contains("Subject: addressing")
        .doesNotContain("Final-Recipient: rfc822; " + alice);
  }

  @Test
  void whenNobodyIsLeftTheReplyRefusesTheMessageAndNoReportIsSent() throws IOException {
    String domain = Names.domain();
    String sender = newUser(domain, "sender");
    addressing.putAlias("old@" + domain, List.of(sender));
    addressing.removeAlias("old@" + domain);

    assertThat(deliver(sender, List.of("old@" + domain)))
        .extracting(Reply::code, Reply::status)
        .containsExactly(550, "5.1.1");
    assertThat(inboxes.keys(sender)).isEmpty();
  }

  @Test
  void aSenderWhoAskedNotifySuccessIsToldOfDeliveryAndOfAliasExpansion() throws IOException {
    String domain = Names.domain();
    String alice = newUser(domain, "alice");
    String bob = newUser(domain, "bob");
    String sender = newUser(domain, "sender");
    addressing.putAlias("team@" + domain, List.of(alice, bob));
    Set<DsnNotify> success = Set.of(DsnNotify.SUCCESS);

    Reply reply =
        deliver(
            new Envelope(
                sender,
                List.of(
                    new Recipient(alice, success, null),
                    new Recipient("team@" + domain, success, null),
                    Recipient.of(bob)),
                false,
                DsnRequest.NONE));

    assertThat(reply.code()).isEqualTo(250);
    List<String> reports = texts(sender);
    assertThat(reports).hasSize(1);
    assertThat(reports.get(0))
        .startsWith("Return-Path: <>\r\n")
        .contains("Subject: Successful Mail Delivery Report")
        .containsPattern(
            "Final-Recipient: rfc822; " + alice + "\r\nAction: delivered\r\nStatus: 2.0.0")
        .containsPattern(
            "Final-Recipient: rfc822; team@" + domain + "\r\nAction: expanded\r\nStatus: 2.0.0")
        .doesNotContain("Final-Recipient: rfc822; " + bob + "\r\n")
        .contains("Content-Type: text/rfc822-headers");
  }

  /** The failure reports queued for a remote sender, as their text. */
  private List<String> reportsTo(String sender) {
    return queue.entries().stream()
        .filter(e -> e.sender().isEmpty())
        .filter(e -> e.recipients().stream().anyMatch(r -> r.address().equals(sender)))
        .map(
            e -> {
              try (var in = queue.open(e.id())) {
                return new String(in.readAllBytes(), US_ASCII);
              } catch (IOException x) {
                throw new UncheckedIOException(x);
              }
            })
        .toList();
  }

  /** The size of one stored copy of {@link #MESSAGE} for this recipient, measured and removed. */
  private long copySize(String recipient) throws IOException {
    assertThat(deliver(List.of(recipient)).code()).isEqualTo(250);
    List<Inboxes.Placement> stored = inboxes.messages(recipient, "INBOX");
    assertThat(stored).hasSize(1);
    MaildropSnapshots.Snapshot maildrop = maildrops.open(recipient);
    try {
      maildrops.remove(
          recipient,
          maildrop.messages().stream().mapToLong(MaildropSnapshots.Message::uid).toArray());
    } finally {
      maildrops.close(recipient);
    }
    assertThat(inboxes.usage(recipient)).isZero();
    return stored.get(0).size();
  }

  private String newUser(String domain, String localPart) {
    accounts.addDomain(domain);
    return accounts.addUser(localPart + "@" + domain, "secret").getAddress();
  }

  private Reply deliver(List<String> recipients) throws IOException {
    return deliver(SENDER, recipients);
  }

  private Reply deliver(String sender, List<String> recipients) throws IOException {
    return deliver(new Envelope(sender, recipients));
  }

  private Reply deliver(Envelope envelope) throws IOException {
    SpoolFile spool = store.files().newSpoolFile();
    byte[] bytes = MESSAGE.getBytes(US_ASCII);
    spool.write(bytes, 0, bytes.length);
    return Smtp.data(submission, SESSION, client(), envelope, spool);
  }

  /** The text of every message in the owner's INBOX, oldest first. */
  private List<String> texts(String owner) {
    return inboxes.keys(owner).stream()
        .map(key -> new String(inboxes.content(owner, key), US_ASCII))
        .toList();
  }

  /** The client as the Received header names it, looked up as SmtpBackendBean does. */
  private String client() {
    return clientNames.describe(SESSION.connection().remoteAddress());
  }
}
