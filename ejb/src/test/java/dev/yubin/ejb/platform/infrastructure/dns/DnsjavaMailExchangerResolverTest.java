package dev.yubin.ejb.platform.infrastructure.dns;

import static dev.yubin.ejb.platform.infrastructure.dns.FakeDns.ip;
import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.ejb.platform.infrastructure.dns.MxResolution.Outcome;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

class DnsjavaMailExchangerResolverTest {

  private final FakeDns dns = new FakeDns();

  private MxResolution resolve(String domain) {
    return resolve(DnsSettings.defaults(), domain, new Random(1));
  }

  private MxResolution resolve(DnsSettings settings, String domain, Random random) {
    return new DnsjavaMailExchangerResolver(settings, dns, random).resolve(domain);
  }

  private static List<String> hosts(MxResolution r) {
    return r.exchangers().stream().map(MailExchanger::host).toList();
  }

  @Test
  void mxHostsInPreferenceOrderWithTheirAddresses() {
    dns.mx("example.test", 20, "b.example.test", 10, "a.example.test", 30, "c.example.test")
        .a("a.example.test", "192.0.2.1", "2001:db8::1")
        .a("b.example.test", "192.0.2.2")
        .a("c.example.test", "192.0.2.3");

    MxResolution r = resolve("Example.Test.");

    assertThat(r.outcome()).isEqualTo(Outcome.ROUTED);
    assertThat(hosts(r)).containsExactly("a.example.test", "b.example.test", "c.example.test");
    MailExchanger first = r.exchangers().get(0);
    assertThat(first.preference()).isEqualTo(10);
    assertThat(first.port()).isEqualTo(25);
    assertThat(first.implicit()).isFalse();
    assertThat(first.addresses()).containsExactly(ip("192.0.2.1"), ip("2001:db8::1"));
    assertThat(first.targets())
        .containsExactly(
            new HostAndPort("a.example.test", 25, ip("192.0.2.1")),
            new HostAndPort("a.example.test", 25, ip("2001:db8::1")));
  }

  @Test
  void equalPreferencesAreShuffledByTheGivenRandomButStayAfterBetterOnes() {
    dns.mx("example.test", 10, "a.x.test", 20, "b.x.test", 20, "c.x.test", 20, "d.x.test")
        .a("a.x.test", "192.0.2.1")
        .a("b.x.test", "192.0.2.2")
        .a("c.x.test", "192.0.2.3")
        .a("d.x.test", "192.0.2.4");

    Set<List<String>> orders = new HashSet<>();
    for (int seed = 0; seed < 40; seed++) {
      List<String> order = hosts(resolve(DnsSettings.defaults(), "example.test", new Random(seed)));
      assertThat(order.get(0)).isEqualTo("a.x.test");
      assertThat(order.subList(1, 4)).containsExactlyInAnyOrder("b.x.test", "c.x.test", "d.x.test");
      orders.add(order);
    }
    assertThat(orders).hasSizeGreaterThan(3);
    // The same seed gives the same order: tests and reproductions can pin it.
    assertThat(hosts(resolve(DnsSettings.defaults(), "example.test", new Random(7))))
        .isEqualTo(hosts(resolve(DnsSettings.defaults(), "example.test", new Random(7))));
  }

  @Test
  void noMxMeansTheDomainItselfIsTheImplicitMx() {
    dns.a("nomx.test", "192.0.2.4");

    MxResolution r = resolve("nomx.test");

    assertThat(r.outcome()).isEqualTo(Outcome.ROUTED);
    assertThat(r.exchangers()).hasSize(1);
    MailExchanger mx = r.exchangers().get(0);
    assertThat(mx.host()).isEqualTo("nomx.test");
    assertThat(mx.implicit()).isTrue();
    assertThat(mx.addresses()).containsExactly(ip("192.0.2.4"));
  }

  @Test
  void noMxAndNoAddressIsPermanent() {
    MxResolution r = resolve("empty.test");

    assertThat(r.outcome()).isEqualTo(Outcome.PERMANENT_FAILURE);
    assertThat(r.failure().code()).isEqualTo(550);
    assertThat(r.failure().status()).isEqualTo("5.4.4");
  }

  @Test
  void nullMxMeansNoMailAt556() {
    dns.mx("nomail.test", 0, ".");

    MxResolution r = resolve("nomail.test");

    assertThat(r.outcome()).isEqualTo(Outcome.NO_MAIL);
    assertThat(r.failure().code()).isEqualTo(556);
    assertThat(r.failure().status()).isEqualTo("5.1.10");
    assertThat(dns.questions).containsExactly("nomail.test. MX"); // no address lookups
  }

  @Test
  void aDotAmongOtherMxHostsIsSkipped() {
    dns.mx("odd.test", 0, ".", 10, "mx.odd.test").a("mx.odd.test", "192.0.2.9");

    assertThat(hosts(resolve("odd.test"))).containsExactly("mx.odd.test");
  }

  @Test
  void nxdomainIsPermanent512() {
    dns.all("gone.test", DnsAnswer.noSuchDomain(60));

    MxResolution r = resolve("gone.test");

    assertThat(r.outcome()).isEqualTo(Outcome.PERMANENT_FAILURE);
    assertThat(r.failure().code()).isEqualTo(550);
    assertThat(r.failure().status()).isEqualTo("5.1.2");
  }

  @Test
  void servfailIsTemporary443() {
    dns.answer("flaky.test", Type.MX, DnsAnswer.temporaryFailure("SERVFAIL"));

    MxResolution r = resolve("flaky.test");

    assertThat(r.outcome()).isEqualTo(Outcome.TEMPORARY_FAILURE);
    assertThat(r.failure().code()).isEqualTo(451);
    assertThat(r.failure().status()).isEqualTo("4.4.3");
    assertThat(r.failure().text()).contains("SERVFAIL");
  }

  @Test
  void mxHostsWithoutAddressesAreSkipped() {
    dns.mx("x.test", 10, "dead.x.test", 20, "gone.x.test", 30, "live.x.test")
        .answer("dead.x.test", Type.A, DnsAnswer.temporaryFailure("timeout"))
        .all("gone.x.test", DnsAnswer.noSuchDomain(60))
        .a("live.x.test", "192.0.2.30");

    assertThat(hosts(resolve("x.test"))).containsExactly("live.x.test");
  }

  @Test
  void whenNoMxHostResolvesItIsTemporary() {
    dns.mx("x.test", 10, "dead.x.test", 20, "gone.x.test")
        .answer("dead.x.test", Type.A, DnsAnswer.temporaryFailure("timeout"))
        .all("gone.x.test", DnsAnswer.noSuchDomain(60));

    MxResolution r = resolve("x.test");

    assertThat(r.outcome()).isEqualTo(Outcome.TEMPORARY_FAILURE);
    assertThat(r.failure().status()).isEqualTo("4.4.3");
    assertThat(r.failure().text()).contains("dead.x.test", "gone.x.test");
  }

  @Test
  void anAddressOfOneFamilyIsEnoughWhenTheOtherFails() {
    dns.mx("x.test", 10, "mx.x.test")
        .a("mx.x.test", "192.0.2.5")
        .answer("mx.x.test", Type.AAAA, DnsAnswer.temporaryFailure("timeout"));

    assertThat(resolve("x.test").exchangers().get(0).addresses()).containsExactly(ip("192.0.2.5"));
  }

  @Test
  void ourselvesAndLessPreferredHostsAreDroppedAndALoopIsPermanent546() {
    dns.mx("x.test", 10, "primary.x.test", 20, "us.x.test", 30, "backup.x.test")
        .a("primary.x.test", "192.0.2.1")
        .a("us.x.test", "192.0.2.2")
        .a("backup.x.test", "192.0.2.3");
    MxResolution r = resolve("x.test");

    LocalIdentity byAddress = LocalIdentity.of("mail.example", List.of(ip("192.0.2.2")));
    LocalIdentity byName = LocalIdentity.of("US.x.test.", List.of());
    assertThat(r.pointsAt(byAddress)).isTrue();
    assertThat(hosts(r.excludingLocal(byAddress))).containsExactly("primary.x.test");
    assertThat(hosts(r.excludingLocal(byName))).containsExactly("primary.x.test");
    assertThat(r.excludingLocal(LocalIdentity.of("elsewhere", List.of()))).isEqualTo(r);

    LocalIdentity primary = LocalIdentity.of("primary.x.test", List.of());
    MxResolution loop = r.excludingLocal(primary);
    assertThat(loop.outcome()).isEqualTo(Outcome.PERMANENT_FAILURE);
    assertThat(loop.failure().code()).isEqualTo(550);
    assertThat(loop.failure().status()).isEqualTo("5.4.6");
  }

  @Test
  void aWildcardBindAddressCoversLoopback() {
    dns.a("nomx.test", "127.0.0.1");

    MxResolution r = resolve("nomx.test");

    assertThat(r.pointsAt(LocalIdentity.of("me", List.of(ip("0.0.0.0"))))).isTrue();
  }

  @Test
  void aSmarthostTakesEverything() {
    dns.mx("example.test", 10, "mx.example.test").a("relay.isp.test", "192.0.2.77");
    DnsSettings settings =
        DnsSettings.defaults().withSmarthost(HostAndPort.parse("relay.isp.test:587", 25));

    MxResolution r = resolve(settings, "example.test", new Random(1));

    assertThat(r.outcome()).isEqualTo(Outcome.ROUTED);
    assertThat(r.exchangers()).hasSize(1);
    assertThat(r.exchangers().get(0).targets())
        .containsExactly(new HostAndPort("relay.isp.test", 587, ip("192.0.2.77")));
    assertThat(dns.questions).doesNotContain("example.test. MX");
  }

  @Test
  void aSmarthostWithoutAddressIsTemporaryAndALiteralOneNeedsNoDns() {
    DnsSettings missing =
        DnsSettings.defaults().withSmarthost(HostAndPort.parse("nowhere.test", 25));
    assertThat(resolve(missing, "example.test", new Random(1)).outcome())
        .isEqualTo(Outcome.TEMPORARY_FAILURE);

    DnsSettings literal = DnsSettings.defaults().withSmarthost(HostAndPort.parse("[::1]:2525", 25));
    MxResolution r = resolve(literal, "example.test", new Random(1));
    assertThat(r.exchangers().get(0).targets())
        .containsExactly(new HostAndPort("::1", 2525, ip("::1")));
  }

  @Test
  void addressLiteralDomainsGoStraightThere() {
    assertThat(resolve("[192.0.2.8]").exchangers().get(0).addresses())
        .containsExactly(ip("192.0.2.8"));
    assertThat(resolve("[IPv6:2001:db8::8]").exchangers().get(0).addresses())
        .containsExactly(ip("2001:db8::8"));
    assertThat(resolve("[not.an.address]").outcome()).isEqualTo(Outcome.PERMANENT_FAILURE);
    assertThat(dns.questions).isEmpty();
  }

  @Test
  void internationalizedDomainsAreAskedInALabels() {
    dns.mx("xn--r8jz45g.test", 10, "mx.xn--r8jz45g.test").a("mx.xn--r8jz45g.test", "192.0.2.10");

    MxResolution r = resolve("例え.test");

    assertThat(r.domain()).isEqualTo("xn--r8jz45g.test");
    assertThat(hosts(r)).containsExactly("mx.xn--r8jz45g.test");
  }

  @Test
  void malformedDomainsArePermanent() {
    assertThat(resolve("bad..domain").outcome()).isEqualTo(Outcome.PERMANENT_FAILURE);
    assertThat(resolve("").outcome()).isEqualTo(Outcome.PERMANENT_FAILURE);
  }
}
