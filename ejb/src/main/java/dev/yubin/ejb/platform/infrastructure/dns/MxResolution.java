package dev.yubin.ejb.platform.infrastructure.dns;

import dev.yubin.protocol.Reply;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where mail for a domain goes: the next-hop hosts in the order to try them, or why there are none.
 *
 * @param outcome what the lookup found
 * @param domain the domain asked about
 * @param exchangers the hosts to try in order; empty unless {@link Outcome#ROUTED}
 * @param failure the reply to put in a bounce or a deferral; {@code null} when {@link
 *     Outcome#ROUTED}
 */
public record MxResolution(
    Outcome outcome, String domain, List<MailExchanger> exchangers, Reply failure) {

  /** The kinds of answer. */
  public enum Outcome {
    /** Hosts to try. */
    ROUTED,
    /** The domain says it accepts no mail (RFC 7505 null MX): bounce now, 556 5.1.10. */
    NO_MAIL,
    /** The domain does not exist, has no mail host, or routes back to us: bounce now. */
    PERMANENT_FAILURE,
    /** DNS trouble: keep the message queued and try again later. */
    TEMPORARY_FAILURE
  }

  public MxResolution {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(domain, "domain");
    exchangers = List.copyOf(exchangers);
    if ((outcome == Outcome.ROUTED) == exchangers.isEmpty()) {
      throw new IllegalArgumentException("exactly the routed outcome has exchangers");
    }
    if ((outcome == Outcome.ROUTED) != (failure == null)) {
      throw new IllegalArgumentException("exactly the failed outcomes have a reply");
    }
  }

  public static MxResolution routed(String domain, List<MailExchanger> exchangers) {
    return new MxResolution(Outcome.ROUTED, domain, exchangers, null);
  }

  /** RFC 7505 §4.2: 556 5.1.10. */
  public static MxResolution noMail(String domain) {
    return new MxResolution(
        Outcome.NO_MAIL,
        domain,
        List.of(),
        Reply.of(556, "5.1.10", "domain " + domain + " does not accept mail (null MX)"));
  }

  public static MxResolution permanentFailure(String domain, Reply reply) {
    return new MxResolution(Outcome.PERMANENT_FAILURE, domain, List.of(), reply);
  }

  public static MxResolution temporaryFailure(String domain, Reply reply) {
    return new MxResolution(Outcome.TEMPORARY_FAILURE, domain, List.of(), reply);
  }

  public boolean isRouted() {
    return outcome == Outcome.ROUTED;
  }

  public Optional<Reply> failureReply() {
    return Optional.ofNullable(failure);
  }

  /** Whether there is no route for good (bounce now), as opposed to for now. */
  public boolean isPermanentFailure() {
    return failure != null && failure.isPermanentFailure();
  }

  /** The failure's enhanced status (RFC 3463); empty when routed. */
  public Optional<String> failureStatus() {
    return failureReply().map(Reply::status);
  }

  /** The failure as one line, code first, as a DSN's Diagnostic-Code and the log give it. */
  public Optional<String> failureLine() {
    return failureReply().map(Reply::toString);
  }

  /**
   * Drops the hosts that are us and every host no more preferred than the best of them (RFC 5321
   * §5.1: "it MUST discard all MX RRs with preference ... equal to or greater than its own"). If
   * none are left the mail would loop: a permanent failure, 5.4.6.
   */
  public MxResolution excludingLocal(LocalIdentity us) {
    if (!isRouted()) {
      return this;
    }
    int ourPreference = Integer.MAX_VALUE;
    for (MailExchanger mx : exchangers) {
      if (mx.isLocal(us)) {
        ourPreference = Math.min(ourPreference, mx.preference());
      }
    }
    if (ourPreference == Integer.MAX_VALUE) {
      return this;
    }
    List<MailExchanger> kept = new ArrayList<>();
    for (MailExchanger mx : exchangers) {
      if (mx.preference() < ourPreference) {
        kept.add(mx);
      }
    }
    if (kept.isEmpty()) {
      return permanentFailure(
          domain, Reply.of(550, "5.4.6", "mail for " + domain + " loops back to myself"));
    }
    return routed(domain, kept);
  }

  /**
   * Drops the {@linkplain InternalAddresses internal} addresses of every host, and the hosts left
   * without one (as Exim's {@code ignore_target_hosts}). If none are left the domain cannot be
   * reached from here: a permanent failure, 5.4.4, and no connection is made.
   */
  public MxResolution excludingInternal() {
    if (!isRouted()) {
      return this;
    }
    List<MailExchanger> kept = new ArrayList<>();
    for (MailExchanger mx : exchangers) {
      List<InetAddress> external =
          mx.addresses().stream().filter(a -> !InternalAddresses.isInternal(a)).toList();
      if (!external.isEmpty()) {
        kept.add(mx.withAddresses(external));
      }
    }
    if (kept.isEmpty()) {
      return permanentFailure(
          domain,
          Reply.of(
              550,
              "5.4.4",
              "mail for "
                  + domain
                  + " is not sent: its mail exchangers have internal addresses only"));
    }
    return kept.equals(exchangers) ? this : routed(domain, kept);
  }

  /**
   * The first {@code limit} addresses, in the order they are tried (Postfix's {@code
   * smtp_mx_address_limit}): a domain with many unresponsive hosts cannot hold an attempt for long.
   * Zero means no limit.
   */
  public MxResolution limitedTo(int limit) {
    if (!isRouted() || limit <= 0) {
      return this;
    }
    List<MailExchanger> kept = new ArrayList<>();
    int left = limit;
    for (MailExchanger mx : exchangers) {
      if (left == 0) {
        break;
      }
      List<InetAddress> addresses = mx.addresses();
      if (addresses.size() > left) {
        addresses = addresses.subList(0, left);
      }
      kept.add(addresses.size() == mx.addresses().size() ? mx : mx.withAddresses(addresses));
      left -= addresses.size();
    }
    return kept.equals(exchangers) ? this : routed(domain, kept);
  }

  /** Whether any next hop is us (by name or address). */
  public boolean pointsAt(LocalIdentity us) {
    return exchangers.stream().anyMatch(mx -> mx.isLocal(us));
  }
}
