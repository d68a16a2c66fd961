package dev.yubin.ejb.relay.infrastructure.smtp;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the client waits at each step of a session; the defaults are the minimums of RFC 5321
 * §4.5.3.2. A timeout bounds the whole reply (or the whole write), not just one packet.
 *
 * @param connect establishing the TCP connection
 * @param greeting the initial 220 (RFC: 5 minutes)
 * @param command EHLO, HELO, STARTTLS (and its handshake), RSET, QUIT
 * @param mail MAIL (RFC: 5 minutes)
 * @param rcpt each RCPT (RFC: 5 minutes)
 * @param dataInitiation the 354 after DATA (RFC: 2 minutes)
 * @param dataBlock each write of message content (RFC: 3 minutes)
 * @param dataTermination the reply after the final dot (RFC: 10 minutes)
 */
public record Timeouts(
    Duration connect,
    Duration greeting,
    Duration command,
    Duration mail,
    Duration rcpt,
    Duration dataInitiation,
    Duration dataBlock,
    Duration dataTermination) {

  public Timeouts {
    for (Duration d :
        new Duration[] {
          connect, greeting, command, mail, rcpt, dataInitiation, dataBlock, dataTermination
        }) {
      Objects.requireNonNull(d, "timeout");
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("timeouts must be positive");
      }
    }
  }

  /** RFC 5321 §4.5.3.2, and 30 s to connect. */
  public static Timeouts rfc5321() {
    return new Timeouts(
        Duration.ofSeconds(30),
        Duration.ofMinutes(5),
        Duration.ofMinutes(5),
        Duration.ofMinutes(5),
        Duration.ofMinutes(5),
        Duration.ofMinutes(2),
        Duration.ofMinutes(3),
        Duration.ofMinutes(10));
  }

  /** The same timeout everywhere, for tests. */
  public static Timeouts uniform(Duration each) {
    return new Timeouts(each, each, each, each, each, each, each, each);
  }
}
