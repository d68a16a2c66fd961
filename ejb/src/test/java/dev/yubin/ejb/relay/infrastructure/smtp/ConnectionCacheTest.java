package dev.yubin.ejb.relay.infrastructure.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConnectionCacheTest {

  private static final byte[] BODY =
      "Subject: hi\r\n\r\nhello\r\n".getBytes(StandardCharsets.US_ASCII);

  private final SmtpClient client = new SmtpClient();
  private final ClientSettings settings =
      ClientSettings.defaults("relay.yubin.test")
          .withTlsPolicy(TlsPolicy.NONE)
          .withTimeouts(Timeouts.uniform(Duration.ofSeconds(30)));
  private final MovableClock clock = new MovableClock();

  @AfterEach
  void stopClient() {
    client.close();
  }

  @Test
  void messagesToOneNextHopShareOneSessionWithRsetBetween() throws Exception {
    try (FakeSmtpServer server =
        new FakeSmtpServer(
            s -> {
              s.ehlo("8BITMIME");
              s.transaction(1);
              s.expect("RSET");
              s.reply("250 2.0.0 flushed");
              s.transaction(2);
              s.quit();
            })) {
      ConnectionCache cache = new ConnectionCache(client, ConnectionCache.Limits.DEFAULTS, clock);

      DeliveryReport first = cache.deliver(server.target(), settings, message("b@b.test"));
      DeliveryReport second =
          cache.deliver(server.target(), settings, message("c@b.test", "d@b.test"));
      assertThat(cache.idleSessions()).isEqualTo(1);
      cache.close();
      server.finish();

      assertThat(first.allDelivered()).isTrue();
      assertThat(second.allDelivered()).isTrue();
      assertThat(server.clientLines().stream().filter(l -> l.startsWith("EHLO"))).hasSize(1);
      assertThat(cache.idleSessions()).isZero();
    }
  }

  @Test
  void aSessionTheServerDroppedIsReplacedWithoutLosingTheMessage() throws Exception {
    try (FakeSmtpServer server =
        new FakeSmtpServer(
            s -> {
              s.ehlo("8BITMIME");
              s.transaction(1); // then hangs up, as a server does with an idle client
            },
            s -> {
              s.ehlo("8BITMIME");
              s.transaction(1);
              s.quit();
            })) {
      ConnectionCache cache = new ConnectionCache(client, ConnectionCache.Limits.DEFAULTS, clock);

      assertThat(cache.deliver(server.target(), settings, message("b@b.test")).allDelivered())
          .isTrue();
      DeliveryReport second = cache.deliver(server.target(), settings, message("c@b.test"));
      cache.close();
      server.finish();

      assertThat(second.allDelivered()).as(second.toString()).isTrue();
      assertThat(server.clientLines().stream().filter(l -> l.startsWith("EHLO"))).hasSize(2);
    }
  }

  @Test
  void anUnusedSessionIsQuitAfterTheIdleLimit() throws Exception {
    try (FakeSmtpServer server =
        new FakeSmtpServer(
            s -> {
              s.ehlo("8BITMIME");
              s.transaction(1);
              s.quit();
            })) {
      ConnectionCache cache = new ConnectionCache(client, ConnectionCache.Limits.DEFAULTS, clock);
      cache.deliver(server.target(), settings, message("b@b.test"));

      clock.advance(Duration.ofMillis(1500));
      cache.expireIdle();
      assertThat(cache.idleSessions()).as("still within the idle limit").isEqualTo(1);
      clock.advance(Duration.ofMillis(600));
      cache.expireIdle();
      server.finish();

      assertThat(cache.idleSessions()).isZero();
      assertThat(server.clientLines()).endsWith("QUIT");
    }
  }

  @Test
  void aSessionRetiresAfterItsMessageLimitOrAge() throws Exception {
    try (FakeSmtpServer server =
        new FakeSmtpServer(
            s -> {
              s.ehlo("8BITMIME");
              s.transaction(1);
              s.expect("RSET");
              s.reply("250 2.0.0 flushed");
              s.transaction(1);
              s.quit();
            },
            s -> {
              s.ehlo("8BITMIME");
              s.transaction(1);
              s.quit();
            })) {
      ConnectionCache cache =
          new ConnectionCache(
              client,
              new ConnectionCache.Limits(Duration.ofSeconds(2), Duration.ofMinutes(5), 2, 8),
              clock);

      cache.deliver(server.target(), settings, message("b@b.test"));
      cache.deliver(server.target(), settings, message("c@b.test"));
      assertThat(cache.idleSessions()).as("two messages: retired").isZero();

      clock.advance(Duration.ofSeconds(1));
      cache.deliver(server.target(), settings, message("d@b.test"));
      clock.advance(Duration.ofMinutes(5));
      assertThat(cache.idleSessions()).isEqualTo(1);
      cache.close();
      server.finish();

      assertThat(server.clientLines().stream().filter(l -> l.equals("QUIT"))).hasSize(2);
    }
  }

  @Test
  void withoutReuseEverySessionEndsWithItsMessage() throws Exception {
    try (FakeSmtpServer server =
        new FakeSmtpServer(
            s -> {
              s.ehlo("8BITMIME");
              s.transaction(1);
              s.quit();
            })) {
      ConnectionCache cache = new ConnectionCache(client, ConnectionCache.Limits.NONE, clock);

      assertThat(cache.deliver(server.target(), settings, message("b@b.test")).allDelivered())
          .isTrue();
      server.finish();

      assertThat(cache.idleSessions()).isZero();
      assertThat(server.clientLines()).endsWith("QUIT");
    }
  }

  private static OutboundMessage message(String... recipients) {
    return OutboundMessage.of(
        "alice@a.test",
        List.of(recipients).stream().map(Recipient::of).toList(),
        () -> new ByteArrayInputStream(BODY),
        BODY.length);
  }

  /** A clock the test moves. */
  private static final class MovableClock extends Clock {
    private Instant now = Instant.parse("2026-11-27T06:00:00Z");

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
