package dev.yubin.ejb.infrastructure.dns;

import java.net.InetAddress;
import java.net.UnknownHostException;
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
 * (forward-confirmed, as Postfix requires before it names a client), else nothing. Loopback clients
 * are {@code localhost} without a query.
 */
public final class ReverseDns {

  private static final int MAX_NAMES = 3;

  private final DnsClient dns;

  public ReverseDns(DnsClient dns) {
    this.dns = dns;
  }

  /** The confirmed name of {@code ip} (an address literal), or empty. */
  public Optional<String> confirmedName(String ip) {
    InetAddress address;
    try {
      address = InetAddress.getByName(ip); // a literal: no lookup happens
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
    if (address.isLoopbackAddress()) {
      return Optional.of("localhost");
    }
    DnsAnswer pointers = dns.query(ReverseMap.fromAddress(address), Type.PTR);
    if (pointers.status() != DnsAnswer.Status.FOUND) {
      return Optional.empty();
    }
    return pointers.records().stream()
        .filter(PTRRecord.class::isInstance)
        .map(r -> ((PTRRecord) r).getTarget())
        .limit(MAX_NAMES)
        .filter(name -> resolvesTo(name, address))
        .map(name -> name.toString(true))
        .findFirst();
  }

  private boolean resolvesTo(Name name, InetAddress address) {
    int type = address.getAddress().length == 4 ? Type.A : Type.AAAA;
    DnsAnswer forward = dns.query(name, type);
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
