package dev.yubin.ejb.relay.infrastructure.smtp;

import dev.yubin.ejb.platform.infrastructure.dns.HostAndPort;
import dev.yubin.protocol.Reply;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one attempt to hand a message to one next hop achieved.
 *
 * @param target the host (Remote-MTA in a DSN) and the address and port used
 * @param connection how the session went
 * @param connectionReply why the session failed; empty when {@link ConnectionOutcome#OK}
 * @param recipients one result per recipient of the message, in its order
 * @param tls whether the transaction ran under TLS
 * @param dsnOffered whether the server offered DSN; if not, a sender who asked NOTIFY=SUCCESS
 *     should get a "relayed" DSN (RFC 3461 §4.2)
 */
public record DeliveryReport(
    HostAndPort target,
    ConnectionOutcome connection,
    Optional<Reply> connectionReply,
    List<RecipientResult> recipients,
    boolean tls,
    boolean dsnOffered) {

  public DeliveryReport {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(connection, "connection");
    Objects.requireNonNull(connectionReply, "connectionReply");
    recipients = List.copyOf(recipients);
  }

  public List<RecipientResult> withStatus(DeliveryStatus status) {
    return recipients.stream().filter(r -> r.status() == status).toList();
  }

  public boolean allDelivered() {
    return recipients.stream().allMatch(r -> r.status() == DeliveryStatus.DELIVERED);
  }

  /**
   * Whether the deferred recipients should be tried at the next MX host now (RFC 5321 §5.1): the
   * session failed rather than the server answering 4xx for them.
   */
  public boolean tryNextHost() {
    return connection != ConnectionOutcome.OK
        && connection != ConnectionOutcome.LOCAL_ERROR
        && recipients.stream().anyMatch(r -> r.status() == DeliveryStatus.DEFERRED);
  }
}
