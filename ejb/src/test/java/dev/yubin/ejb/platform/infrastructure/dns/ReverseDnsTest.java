package dev.yubin.ejb.platform.infrastructure.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

class ReverseDnsTest {

  private static final Duration FAILURE_TTL = Duration.ofSeconds(30);

  private final FakeDns dns = new FakeDns();
  private final ReverseDns reverse = new ReverseDns(dns, FAILURE_TTL);

  @Test
  void aPtrNameThatResolvesBackNamesTheClientForTheShorterTtl() {
    dns.ptr("192.0.2.7", "mail.a.test").a("mail.a.test", "192.0.2.7");

    assertThat(reverse.lookup("192.0.2.7"))
        .isEqualTo(new ReverseDns.Answer(Optional.of("mail.a.test"), Duration.ofSeconds(300)));
  }

  @Test
  void aPtrNameThatDoesNotResolveBackNamesNobody() {
    dns.ptr("192.0.2.7", "forged.b.test").a("forged.b.test", "192.0.2.99");

    assertThat(reverse.lookup("192.0.2.7").name()).isEmpty();
  }

  @Test
  void noPtrIsKeptForItsNegativeTtlAndAFailureForTheFailureTtl() {
    dns.answer("7.2.0.192.in-addr.arpa", Type.PTR, DnsAnswer.noSuchDomain(60));
    dns.answer("8.2.0.192.in-addr.arpa", Type.PTR, DnsAnswer.temporaryFailure("timeout"));

    assertThat(reverse.lookup("192.0.2.7"))
        .isEqualTo(new ReverseDns.Answer(Optional.empty(), Duration.ofSeconds(60)));
    assertThat(reverse.lookup("192.0.2.8"))
        .isEqualTo(new ReverseDns.Answer(Optional.empty(), FAILURE_TTL));
  }

  @Test
  void localhostIsNamedWithoutAQuestionOtherLoopbackAddressesAreAskedAbout() {
    assertThat(reverse.lookup("127.0.0.1").name()).contains("localhost");
    assertThat(reverse.lookup("0:0:0:0:0:0:0:1").name()).contains("localhost");
    assertThat(dns.questions).isEmpty();

    assertThat(reverse.lookup("127.0.0.2").name()).isEmpty();
    assertThat(dns.questions).containsExactly("2.0.0.127.in-addr.arpa. PTR");
  }
}
