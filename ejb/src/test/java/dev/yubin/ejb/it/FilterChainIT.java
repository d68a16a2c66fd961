package dev.yubin.ejb.it;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.ejb.accounts.application.AccountService;
import dev.yubin.ejb.it.filterchain.ScriptedFilter;
import dev.yubin.ejb.it.inboxes.Inboxes;
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
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The filter chain inside Payara Micro, with {@link ScriptedFilter} discovered beside the shipped
 * filters: a filter that throws or overruns its time (yubin.filter.timeout-seconds, 2 s here)
 * defers the message with 451 and nothing is stored; a rejection is the reply; a change reaches the
 * stored copy.
 */
@ExtendWith(ArquillianExtension.class)
public class FilterChainIT {

  private static final SmtpSessionInfo SESSION =
      new SmtpSessionInfo(
          new ConnectionInfo("192.0.2.7", 40123, "127.0.0.1", 25, false),
          "client.remote.test",
          true,
          null);

  @Deployment
  public static WebArchive deployment() {
    return YubinDeployment.create(
        "filter-chain-it", ScriptedFilter.class.getPackage(), Inboxes.class.getPackage());
  }

  @Inject AccountService accounts;
  @Inject Submission submission;
  @Inject ClientNames clientNames;
  @Inject MailStore store;
  @Inject Inboxes inboxes;

  @Test
  void aFilterThatThrowsDefersTheMessageAndNothingIsStored() throws IOException {
    String user = newUser();

    assertThat(deliver(user, "throw"))
        .extracting(Reply::code, Reply::status)
        .containsExactly(451, "4.3.0");
    assertThat(inboxes.keys(user)).isEmpty();
  }

  @Test
  void aFilterThatOverrunsItsTimeDefersTheMessageAndNothingIsStored() throws IOException {
    String user = newUser();

    assertThat(deliver(user, "overrun"))
        .extracting(Reply::code, Reply::status)
        .containsExactly(451, "4.3.0");
    assertThat(inboxes.keys(user)).isEmpty();
  }

  @Test
  void aRejectionIsTheReply() throws IOException {
    String user = newUser();

    assertThat(deliver(user, "reject")).isEqualTo(Reply.of(550, "5.7.1", "scripted rejection"));
    assertThat(inboxes.keys(user)).isEmpty();
  }

  @Test
  void aChangeReachesTheStoredCopy() throws IOException {
    String user = newUser();

    assertThat(deliver(user, "tag").code()).isEqualTo(250);
    String key = inboxes.keys(user).get(0);
    assertThat(new String(inboxes.content(user, key), US_ASCII))
        .contains("\r\nX-It-Filtered: yes\r\n");
  }

  private String newUser() {
    String domain = Names.domain();
    accounts.addDomain(domain);
    return accounts.addUser("filtered@" + domain, "secret").getAddress();
  }

  private Reply deliver(String recipient, String script) throws IOException {
    String message =
        "From: <sender@remote.test>\r\n"
            + ScriptedFilter.HEADER
            + ": "
            + script
            + "\r\nSubject: filtered\r\n\r\nHello.\r\n";
    SpoolFile spool = store.files().newSpoolFile();
    byte[] bytes = message.getBytes(US_ASCII);
    spool.write(bytes, 0, bytes.length);
    return Smtp.data(
        submission,
        SESSION,
        client(),
        new Envelope("sender@remote.test", List.of(recipient)),
        spool);
  }

  /** The client as the Received header names it, looked up as SmtpBackendBean does. */
  private String client() {
    return clientNames.describe(SESSION.connection().remoteAddress());
  }
}
