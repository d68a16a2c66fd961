package dev.yubin.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two servers side by side on one machine, as in the seed's picture of two mail hosts: each on its
 * own loopback address with the default ports (2525, 1100, 8080) and its own data directory and
 * domain.
 */
class TwoInstancesIT {

  static YubinServer alpha;
  static YubinServer beta;

  @BeforeAll
  static void start() {
    alpha =
        YubinServer.builder("alpha")
            .bind("127.0.0.2")
            .adminBind("127.0.0.2") // both on the default admin port: each on its own address
            .defaultPorts()
            .hostname("mx.alpha.e2e.test")
            .domains("alpha.e2e.test")
            .build();
    beta =
        YubinServer.builder("beta")
            .bind("127.0.0.3")
            .adminBind("127.0.0.3")
            .defaultPorts()
            .hostname("mx.beta.e2e.test")
            .domains("beta.e2e.test")
            .build();
    CompletableFuture<YubinServer> a = CompletableFuture.supplyAsync(alpha::start);
    CompletableFuture<YubinServer> b = CompletableFuture.supplyAsync(beta::start);
    CompletableFuture.allOf(a, b).join();
    alpha.addUser("ann@alpha.e2e.test", Clients.PASSWORD);
    beta.addUser("ben@beta.e2e.test", Clients.PASSWORD);
  }

  @AfterAll
  static void stop() {
    if (alpha != null) {
      alpha.close();
    }
    if (beta != null) {
      beta.close();
    }
  }

  @Test
  void eachInstanceServesItsOwnDomain() {
    assertThat(alpha.smtpPort()).isEqualTo(2525);
    assertThat(beta.pop3Port()).isEqualTo(1100);
    byte[] toAnn =
        Clients.crlf(
            "From: ben@beta.e2e.test",
            "To: ann@alpha.e2e.test",
            "Subject: hi Ann",
            "",
            "From Ben.");
    byte[] toBen =
        Clients.crlf(
            "From: ann@alpha.e2e.test",
            "To: ben@beta.e2e.test",
            "Subject: hi Ben",
            "",
            "From Ann.");

    assertThat(
            Clients.line(
                Clients.smtpSend(alpha, "ben@beta.e2e.test", toAnn, "ann@alpha.e2e.test"), "DATA"))
        .startsWith("DATA 250 ");
    assertThat(
            Clients.line(
                Clients.smtpSend(beta, "ann@alpha.e2e.test", toBen, "ben@beta.e2e.test"), "DATA"))
        .startsWith("DATA 250 ");

    Trace atAlpha =
        Trace.split(
            Clients.fetchOnly(alpha, "ann@alpha.e2e.test"),
            "ben@beta.e2e.test",
            "ann@alpha.e2e.test",
            "mx.alpha.e2e.test");
    assertThat(atAlpha.rest()).isEqualTo(toAnn);
    Trace atBeta =
        Trace.split(
            Clients.fetchOnly(beta, "ben@beta.e2e.test"),
            "ann@alpha.e2e.test",
            "ben@beta.e2e.test",
            "mx.beta.e2e.test");
    assertThat(atBeta.rest()).isEqualTo(toBen);
    assertThat(new String(atBeta.rest(), UTF_8)).contains("From Ann.");
  }

  @Test
  void neitherInstanceRelaysToNorKnowsTheOther() {
    List<String> relay =
        Clients.smtpSend(
            alpha,
            "ann@alpha.e2e.test",
            Clients.crlf("Subject: relay?", "", "no"),
            "ben@beta.e2e.test");
    assertThat(Clients.line(relay, "RCPT")).contains(" 550 ").contains("5.7.1");
    assertThat(Clients.line(relay, "DATA")).doesNotStartWith("DATA 250");

    E2e.Result login = Clients.pop3(alpha, "ben@beta.e2e.test", Clients.PASSWORD, "stat");
    assertThat(login.exitCode()).isEqualTo(3);
    assertThat(login.stdout()).startsWith("LOGIN-ERR");
    assertThat(alpha.dataDir()).isNotEqualTo(beta.dataDir());
  }
}
