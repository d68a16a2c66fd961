package dev.yubin.ejb.platform.infrastructure.dns;

import static dev.yubin.ejb.platform.infrastructure.dns.FakeDns.ip;
import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.ejb.platform.infrastructure.dns.MxResolution.Outcome;
import java.io.File;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Type;

/**
 * The resolver against a real DNS server: dnsmasq on a free loopback port, authoritative for {@code
 * .test}, started and stopped by this class. Fails when dnsmasq is not installed (`./yubin test`
 * installs it).
 */
class DnsmasqResolverTest {

  private static final String CONFIG =
      String.join(
          "\n",
          "local=/test/",
          "mx-host=a.test,mx2.a.test,20",
          "mx-host=a.test,mx1.a.test,10",
          "host-record=mx1.a.test,127.0.0.2",
          "host-record=mx2.a.test,127.0.0.3,::2",
          "host-record=nomx.test,127.0.0.4",
          "mx-host=nomail.test,.,0",
          "cname=alias.test,a.test",
          "mx-host=dangling.test,nowhere.dangling.test,10",
          "");

  @TempDir static Path dir;
  private static Process dnsmasq;
  private static DnsSettings settings;

  @BeforeAll
  static void startDnsmasq() throws Exception {
    Optional<Path> binary = findDnsmasq();
    if (binary.isEmpty()) {
      throw new IllegalStateException(
          "dnsmasq is not installed: ./yubin test installs it (apt-get install dnsmasq-base)");
    }
    int port;
    try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    Path conf = dir.resolve("dnsmasq.conf");
    Files.writeString(conf, CONFIG, StandardCharsets.US_ASCII);
    Path log = dir.resolve("dnsmasq.log");
    dnsmasq =
        new ProcessBuilder(
                binary.get().toString(),
                "--port=" + port,
                "--listen-address=127.0.0.1",
                "--bind-interfaces",
                "--no-resolv",
                "--no-hosts",
                "--no-poll",
                "--keep-in-foreground",
                "--log-queries",
                "--log-facility=" + dir.resolve("queries.log"),
                "--pid-file=" + dir.resolve("dnsmasq.pid"),
                "--conf-file=" + conf)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    settings =
        DnsSettings.defaults()
            .withServers(List.of(HostAndPort.of("127.0.0.1", port)))
            .withTimeout(Duration.ofSeconds(1), 1);
    // Ready when it answers.
    DnsjavaClient client = new DnsjavaClient(settings);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (client.query(FakeDns.name("nomx.test"), Type.A).status() != DnsAnswer.Status.FOUND) {
      if (!dnsmasq.isAlive() || System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "dnsmasq did not start: " + Files.readString(log, StandardCharsets.UTF_8));
      }
      Thread.sleep(50);
    }
  }

  @AfterAll
  static void stopDnsmasq() throws InterruptedException {
    if (dnsmasq != null) {
      dnsmasq.destroy(); // SIGTERM to this PID only
      if (!dnsmasq.waitFor(5, TimeUnit.SECONDS)) {
        dnsmasq.destroyForcibly();
      }
    }
  }

  private static Optional<Path> findDnsmasq() {
    String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/sbin:/usr/local/sbin";
    for (String folder : path.split(File.pathSeparator)) {
      Path candidate = Path.of(folder.isEmpty() ? "." : folder, "dnsmasq");
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private MxResolution resolve(String domain) {
    return new DnsjavaMailExchangerResolver(settings).resolve(domain);
  }

  @Test
  void mxHostsComeInPreferenceOrderWithBothAddressFamilies() {
    MxResolution r = resolve("a.test");

    assertThat(r.outcome()).isEqualTo(Outcome.ROUTED);
    assertThat(r.exchangers())
        .extracting(MailExchanger::host)
        .containsExactly("mx1.a.test", "mx2.a.test");
    assertThat(r.exchangers()).extracting(MailExchanger::preference).containsExactly(10, 20);
    assertThat(r.exchangers().get(0).addresses()).containsExactly(ip("127.0.0.2"));
    assertThat(r.exchangers().get(1).addresses()).containsExactly(ip("127.0.0.3"), ip("::2"));
  }

  @Test
  void aDomainWithoutMxIsItsOwnImplicitMx() {
    MxResolution r = resolve("nomx.test");

    assertThat(r.outcome()).isEqualTo(Outcome.ROUTED);
    assertThat(r.exchangers()).hasSize(1);
    assertThat(r.exchangers().get(0).implicit()).isTrue();
    assertThat(r.exchangers().get(0).addresses()).containsExactly(ip("127.0.0.4"));
  }

  @Test
  void nullMxSaysNoMail() {
    MxResolution r = resolve("nomail.test");

    assertThat(r.outcome()).isEqualTo(Outcome.NO_MAIL);
    assertThat(r.failure().status()).isEqualTo("5.1.10");
  }

  @Test
  void nxdomainIsPermanent() {
    MxResolution r = resolve("gone.test");

    assertThat(r.outcome()).isEqualTo(Outcome.PERMANENT_FAILURE);
    assertThat(r.failure().status()).isEqualTo("5.1.2");
  }

  @Test
  void cnameChainsAreFollowed() {
    MxResolution r = resolve("alias.test");

    assertThat(r.outcome()).isEqualTo(Outcome.ROUTED);
    assertThat(r.exchangers())
        .extracting(MailExchanger::host)
        .containsExactly("mx1.a.test", "mx2.a.test");
  }

  @Test
  void anMxHostWithoutAddressLeavesNothingToTryForNow() {
    MxResolution r = resolve("dangling.test");

    assertThat(r.outcome()).isEqualTo(Outcome.TEMPORARY_FAILURE);
    assertThat(r.failure().status()).isEqualTo("4.4.3");
  }

  @Test
  void aRefusedQueryIsTemporary() {
    // Outside .test this dnsmasq has no upstream and answers REFUSED.
    MxResolution r = resolve("example.com");

    assertThat(r.outcome()).isEqualTo(Outcome.TEMPORARY_FAILURE);
    assertThat(r.failure().status()).isEqualTo("4.4.3");
  }

  @Test
  void aSilentServerTimesOutAsTemporary() throws IOException {
    try (DatagramSocket silent = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      DnsSettings mute =
          settings
              .withServers(List.of(HostAndPort.of("127.0.0.1", silent.getLocalPort())))
              .withTimeout(Duration.ofMillis(300), 0);
      long start = System.nanoTime();

      MxResolution r = new DnsjavaMailExchangerResolver(mute).resolve("a.test");

      assertThat(r.outcome()).isEqualTo(Outcome.TEMPORARY_FAILURE);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
  }

  @Test
  void aSmarthostNameIsResolvedThroughTheSameDns() {
    MxResolution r =
        new DnsjavaMailExchangerResolver(
                settings.withSmarthost(HostAndPort.parse("mx2.a.test:2525", 25)),
                new DnsjavaClient(settings),
                new Random(1))
            .resolve("anything.example");

    assertThat(r.exchangers().get(0).targets())
        .containsExactly(
            new HostAndPort("mx2.a.test", 2525, ip("127.0.0.3")),
            new HostAndPort("mx2.a.test", 2525, ip("::2")));
  }
}
