package dev.yubin.ejb.submission.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.ejb.accounts.application.addressing.Resolution;
import dev.yubin.ejb.accounts.application.addressing.Resolution.Outcome;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoutesTest {

  private static final Map<String, Resolution> BOOK =
      Map.of(
          "alice@a.test", deliver(List.of("alice@a.test"), List.of()),
          "team@a.test", deliver(List.of("alice@a.test", "bob@a.test"), List.of("carol@c.test")),
          "dave@d.test",
              new Resolution(Outcome.NOT_LOCAL, List.of(), List.of("dave@d.test"), List.of()),
          "gone@a.test", of(Outcome.UNKNOWN),
          "loop@a.test", of(Outcome.DEAD_END),
          "postmaster", of(Outcome.NO_POSTMASTER));

  @Test
  void eachMailboxOnceWithTheFirstForwardPathThatReachedIt() {
    Routes routes = route("alice@a.test", "team@a.test", "dave@d.test");

    assertThat(routes.mailboxes())
        .containsExactly(
            Map.entry("alice@a.test", "alice@a.test"), Map.entry("bob@a.test", "team@a.test"));
    assertThat(routes.remote()).containsExactly("carol@c.test", "dave@d.test");
    assertThat(routes.refused()).isEmpty();
    assertThat(routes.deferral()).isEmpty();
  }

  @Test
  void recipientsThatLeadNowhereAreRefusedForGoodWhileTheOthersStillGo() {
    Routes routes = route("gone@a.test", "alice@a.test", "loop@a.test");

    assertThat(routes.mailboxes()).containsOnlyKeys("alice@a.test");
    assertThat(routes.refused())
        .containsOnlyKeys("gone@a.test", "loop@a.test")
        .extractingByKey("gone@a.test")
        .extracting(r -> r.isPermanentFailure(), r -> r.status())
        .containsExactly(true, "5.1.1");
    assertThat(routes.refused().get("loop@a.test").status()).isEqualTo("5.4.6");
  }

  @Test
  void aTemporaryFailureDefersTheWholeMessage() {
    Routes routes = route("alice@a.test", "postmaster");

    assertThat(routes.deferral()).map(r -> r.status()).contains("4.3.5");
    assertThat(routes.deferral().orElseThrow().isPermanentFailure()).isFalse();
    assertThat(routes.mailboxes()).isEmpty();
  }

  @Test
  void rcptAndTheEndOfDataRefuseAlike() {
    assertThat(Routes.refusal("x@a.test", Outcome.INVALID)).map(r -> r.status()).contains("5.1.3");
    assertThat(Routes.refusal("x@a.test", Outcome.DELIVER)).isEmpty();
    assertThat(Routes.refusal("x@d.test", Outcome.NOT_LOCAL)).isEmpty();
  }

  private static Routes route(String... recipients) {
    return Routes.of(List.of(recipients), BOOK::get);
  }

  private static Resolution deliver(List<String> mailboxes, List<String> remote) {
    return new Resolution(Outcome.DELIVER, mailboxes, remote, List.of());
  }

  private static Resolution of(Outcome outcome) {
    return new Resolution(outcome, List.of(), List.of(), List.of());
  }
}
