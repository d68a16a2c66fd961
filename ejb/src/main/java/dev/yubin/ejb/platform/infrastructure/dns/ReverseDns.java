package dev.yubin.ejb.platform.infrastructure.dns;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.ReverseMap;
import org.xbill.DNS.Type;

/**
 * The client's name for trace headers: a PTR name that resolves back to the client's address
 * (forward-confirmed, as Postfix requires before it names a client), else nothing. {@code
 * 127.0.0.1} and {@code ::1} are {@code localhost} without a query; other addresses, other loopback
 * ones included, are asked about.
 */
public final class ReverseDns {

  private static final int MAX_NAMES = 3;
  private static final Duration LOCALHOST_TTL = Duration.ofDays(1);

  /**
   * A name, or none, and how long that holds: the smallest TTL of the answers it rests on, or the
   * failure TTL when one of them was a failure (timeout, SERVFAIL).
   */
  public record Answer(Optional<String> name, Duration ttl) {}

  private final DnsClient dns;
  private final Duration failureTtl;

  /**
   * @param dns where questions go
   * @param failureTtl how long an answer that rests on a failure holds
   */
  public ReverseDns(DnsClient dns, Duration failureTtl) {
    this.dns = dns;
    this.failureTtl = failureTtl;
  }

  /** The confirmed name of {@code ip} (an address literal), or none. */
  public Answer lookup(String ip) {
    InetAddress address;
    try {
      address = InetAddress.getByName(ip); // a literal: no lookup happens
    } catch (UnknownHostException e) {
      return new Answer(Optional.empty(), failureTtl);
    }
    if (isLocalhost(address)) {
      return new Answer(Optional.of("localhost"), LOCALHOST_TTL);
    }
    DnsAnswer pointers = dns.query(ReverseMap.fromAddress(address), Type.PTR);
    Duration ttl = ttl(pointers);
    if (pointers.status() != DnsAnswer.Status.FOUND) {
      return new Answer(Optional.empty(), ttl);
    }
    for (Record r : pointers.records().stream().limit(MAX_NAMES).toList()) {
      if (!(r instanceof PTRRecord pointer)) {
        continue;
      }
      Name name = pointer.getTarget();
      DnsAnswer forward = dns.query(name, address.getAddress().length == 4 ? Type.A : Type.AAAA);
      ttl = min(ttl, ttl(forward));
      if (contains(forward, address)) {
        return new Answer(Optional.of(name.toString(true)), ttl);
      }
    }
    return new Answer(Optional.empty(), ttl);
  }

  /** The address {@code localhost} names: {@code 127.0.0.1} or {@code ::1}. */
  private static boolean isLocalhost(InetAddress address) {
    return address instanceof Inet6Address
        ? address.isLoopbackAddress()
        : address.getHostAddress().equals("127.0.0.1");
  }

  private Duration ttl(DnsAnswer answer) {
    return answer.status() == DnsAnswer.Status.TEMPORARY_FAILURE
        ? failureTtl
        : Duration.ofSeconds(answer.ttlSeconds());
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static boolean contains(DnsAnswer forward, InetAddress address) {
    if (forward.status() != DnsAnswer.Status.FOUND) {
      return false;
    }
    for (Record r : forward.records()) {
      InetAddress found =
          r instanceof ARecord a
              ? a.getAddress()
              : r instanceof AAAARecord q ? q.getAddress() : null;
      if (address.equals(found)) {
        return true;
      }
    }
    return false;
  }
}
