package dev.yubin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The relay's outbound TLS levels ({@code yubin.relay.tls}, {@code .per-domain}, {@code .ca-file})
 * against next hops that offer STARTTLS with self-signed certificates: {@code none} never starts
 * TLS, {@code may} and {@code encrypt} take any certificate, {@code verify} refuses one it cannot
 * chain to a trusted root or that names another host, and defers; it takes the certificate that the
 * CA file holds, for the host named in it.
 */
class RelayTlsIT {

  static Dnsmasq dns;
  static SmtpSink selfSigned;
  static SmtpSink trusted;
  static YubinServer a;

  @BeforeAll
  static void start() {
    dns =
        Dnsmasq.start(
            List.of(
                "mx-host=none.test,mx.tls.test,10",
                "mx-host=may.test,mx.tls.test,10",
                "mx-host=encrypt.test,mx.tls.test,10",
                "mx-host=verify.test,mx.tls.test,10",
                "host-record=mx.tls.test,127.0.0.8",
                "mx-host=trusted.test,mx.trusted.test,10",
                "host-record=mx.trusted.test,127.0.0.9",
                "mx-host=misnamed.test,mx.misnamed.test,10",
                "host-record=mx.misnamed.test,127.0.0.9"));
    selfSigned = SmtpSink.start("127.0.0.8", 0, TestCertificate.selfSigned("mx.tls.test"));
    TestCertificate pinned = TestCertificate.selfSigned("mx.trusted.test");
    trusted = SmtpSink.start("127.0.0.9", selfSigned.port(), pinned);
    a =
        YubinServer.builder("tls-a")
            .bind("127.0.0.2")
            .freePorts()
            .hostname("mx.a.test")
            .domains("a.test")
            .env("YUBIN_DNS_SERVERS", dns.server())
            .env("YUBIN_RELAY_PORT", Integer.toString(selfSigned.port()))
            .env("YUBIN_RELAY_CONNECTION_REUSE", "0")
            .env(
                "YUBIN_RELAY_TLS_PER_DOMAIN",
                "none.test=none, encrypt.test=encrypt, verify.test=verify,"
                    + " trusted.test=verify, misnamed.test=verify")
            .env("YUBIN_RELAY_TLS_CA_FILE", pinned.certificate().toString())
            .build()
            .start();
    a.addUser("x@a.test", Clients.PASSWORD);
  }

  @AfterAll
  static void stop() {
    for (AutoCloseable c : new AutoCloseable[] {a, selfSigned, trusted, dns}) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (Exception e) {
        // the others still get stopped
      }
    }
  }

  @Test
  void noneNeverStartsTls() {
    delivered(selfSigned, "r@none.test");

    assertThat(selfSigned.events())
        .contains("RCPT TO:<r@none.test>")
        .doesNotContain("TLS RCPT TO:<r@none.test>");
  }

  @Test
  void mayTakesASelfSignedCertificate() {
    delivered(selfSigned, "r@may.test");

    assertThat(selfSigned.events()).doesNotContain("RCPT TO:<r@may.test>");
  }

  @Test
  void encryptTakesASelfSignedCertificate() {
    delivered(selfSigned, "r@encrypt.test");

    assertThat(selfSigned.events()).doesNotContain("RCPT TO:<r@encrypt.test>");
  }

  @Test
  void verifyRefusesASelfSignedCertificateAndDefers() {
    String id = RelayLimitsIT.submit(a, "verify", "r@verify.test");

    String r =
        SeedFlowIT.await(() -> RelayLimitsIT.attempted(a, id, "r@verify.test"), "the attempt");
    assertThat(r)
        .contains("\"state\":\"PENDING\"")
        .contains("\"status\":\"4.7.5\"")
        .contains("TLS handshake with mx.tls.test");
    assertThat(selfSigned.events())
        .contains("TLS-FAILED")
        .noneMatch(e -> e.endsWith("RCPT TO:<r@verify.test>"));
  }

  @Test
  void verifyTakesTheCertificateOfTheCaFileForTheHostItNames() {
    delivered(trusted, "r@trusted.test");

    String id = RelayLimitsIT.submit(a, "misnamed", "r@misnamed.test");
    String r =
        SeedFlowIT.await(() -> RelayLimitsIT.attempted(a, id, "r@misnamed.test"), "the attempt");
    assertThat(r).contains("\"state\":\"PENDING\"").contains("\"status\":\"4.7.5\"");
    assertThat(trusted.events()).noneMatch(e -> e.endsWith("RCPT TO:<r@misnamed.test>"));
  }

  /** Submits a message to {@code to} and waits until {@code sink} has it under TLS. */
  static void delivered(SmtpSink sink, String to) {
    RelayLimitsIT.submit(a, to, to);
    SeedFlowIT.await(
        () ->
            sink.events().stream().anyMatch(e -> e.endsWith("RCPT TO:<" + to + ">")) ? true : null,
        to + " to reach the next hop");
    if (to.endsWith("@none.test")) {
      return;
    }
    assertThat(sink.events()).contains("TLS RCPT TO:<" + to + ">");
  }
}
