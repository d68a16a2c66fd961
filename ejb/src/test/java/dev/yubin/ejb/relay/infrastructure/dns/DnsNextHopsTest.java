package dev.yubin.ejb.relay.infrastructure.dns;

import static dev.yubin.ejb.relay.infrastructure.dns.MxResolutionTest.address;
import static dev.yubin.ejb.relay.infrastructure.dns.MxResolutionTest.mx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.ejb.relay.domain.NextHop;
import dev.yubin.ejb.relay.domain.RecipientOutcome;
import dev.yubin.ejb.relay.domain.RecipientState;
import dev.yubin.ejb.relay.domain.Route;
import dev.yubin.protocol.Reply;
import java.util.List;
import org.junit.jupiter.api.Test;

class DnsNextHopsTest {

  @Test
  void everyAddressOfEveryExchangerIsAHopInOrderNamedByItsHost() {
    Route route =
        DnsNextHops.route(
            "example.test",
            MxResolution.routed(
                "example.test",
                List.of(
                    mx("mx1.example.test", 10, "192.0.2.1", "192.0.2.2"),
                    mx("mx2.example.test", 20, "192.0.2.3"))));

    assertThat(route.isRouted()).isTrue();
    assertThat(route.hops())
        .containsExactly(
            new NextHop("mx1.example.test", 25, address("192.0.2.1")),
            new NextHop("mx1.example.test", 25, address("192.0.2.2")),
            new NextHop("mx2.example.test", 25, address("192.0.2.3")));
  }

  @Test
  void aNullMxFailsForGoodQuotingItsReply() {
    Route route = DnsNextHops.route("nomail.test", MxResolution.noMail("nomail.test"));

    assertThat(route.isRouted()).isFalse();
    assertThat(route.failure())
        .isEqualTo(
            new RecipientOutcome(
                RecipientState.FAILED,
                "5.1.10",
                "556 5.1.10 domain nomail.test does not accept mail (null MX)",
                null));
  }

  @Test
  void dnsTroubleIsTemporary() {
    Route route =
        DnsNextHops.route(
            "flaky.test",
            MxResolution.temporaryFailure(
                "flaky.test", Reply.of(451, "4.4.3", "DNS lookup for flaky.test failed")));

    assertThat(route.failure().state()).isEqualTo(RecipientState.PENDING);
    assertThat(route.failure().status()).isEqualTo("4.4.3");
    assertThat(route.failure().reply()).isEqualTo("451 4.4.3 DNS lookup for flaky.test failed");
  }
}
