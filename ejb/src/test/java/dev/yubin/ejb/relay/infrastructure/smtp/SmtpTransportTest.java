package dev.yubin.ejb.relay.infrastructure.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.ejb.platform.infrastructure.dns.HostAndPort;
import dev.yubin.ejb.relay.application.Transport.HopResult;
import dev.yubin.ejb.relay.domain.RecipientOutcome;
import dev.yubin.ejb.relay.domain.RecipientState;
import dev.yubin.protocol.Reply;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SmtpTransportTest {

  private static final HostAndPort TARGET = HostAndPort.of("mx.example.test", 25);

  @Test
  void eachRecipientKeepsTheRemoteReplyVerbatimAndTheHostThatGaveIt() {
    DeliveryReport report =
        new DeliveryReport(
            TARGET,
            ConnectionOutcome.OK,
            Optional.empty(),
            List.of(
                new RecipientResult(
                    Recipient.of("ann@example.test"),
                    DeliveryStatus.DELIVERED,
                    Reply.of(250, "2.0.0", "queued as 42"),
                    true),
                new RecipientResult(
                    Recipient.of("bob@example.test"),
                    DeliveryStatus.FAILED,
                    Reply.of(550, "5.1.1", "<bob@example.test>: no such user"),
                    true),
                new RecipientResult(
                    Recipient.of("cy@example.test"),
                    DeliveryStatus.DEFERRED,
                    Reply.of(451, "4.3.0", "try later"),
                    false)),
            false,
            true);

    HopResult result = SmtpTransport.outcomes("mx.example.test", report);

    assertThat(result.recipients())
        .containsExactly(
            Map.entry(
                "ann@example.test",
                new RecipientOutcome(
                    RecipientState.DELIVERED,
                    "2.0.0",
                    "250 2.0.0 queued as 42",
                    "mx.example.test",
                    true)),
            Map.entry(
                "bob@example.test",
                new RecipientOutcome(
                    RecipientState.FAILED,
                    "5.1.1",
                    "550 5.1.1 <bob@example.test>: no such user",
                    "mx.example.test")),
            Map.entry(
                "cy@example.test",
                new RecipientOutcome(
                    RecipientState.PENDING, "4.3.0", "451 4.3.0 try later", null)));
    assertThat(result.tryNextHost()).isFalse();
  }

  @Test
  void aFailedSessionSendsTheDeferredRecipientsToTheNextHost() {
    DeliveryReport report =
        new DeliveryReport(
            TARGET,
            ConnectionOutcome.CONNECT_FAILED,
            Optional.of(Reply.of(421, "4.4.1", "connection refused")),
            List.of(
                new RecipientResult(
                    Recipient.of("ann@example.test"),
                    DeliveryStatus.DEFERRED,
                    Reply.of(421, "4.4.1", "connection refused"),
                    false)),
            false,
            false);

    HopResult result = SmtpTransport.outcomes("mx.example.test", report);

    assertThat(result.tryNextHost()).isTrue();
    assertThat(result.recipients().get("ann@example.test").state())
        .isEqualTo(RecipientState.PENDING);
  }
}
