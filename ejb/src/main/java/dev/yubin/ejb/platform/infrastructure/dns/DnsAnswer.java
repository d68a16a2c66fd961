package dev.yubin.ejb.platform.infrastructure.dns;

import java.util.List;
import java.util.Objects;
import org.xbill.DNS.Record;

/**
 * The answer to one question (one name, one type), CNAMEs already followed.
 *
 * @param status what the DNS said
 * @param records the records of the asked type, empty unless {@link Status#FOUND}
 * @param ttlSeconds how long the answer may be reused: the smallest record TTL, or for a negative
 *     answer the negative-caching time; 0 for a failure
 * @param diagnostic a short text for logs and bounces
 */
public record DnsAnswer(Status status, List<Record> records, long ttlSeconds, String diagnostic) {

  /** What the DNS said about a name and type. */
  public enum Status {
    /** Records of the asked type. */
    FOUND,
    /** The name exists but has no records of the asked type (NOERROR, empty answer). */
    NO_DATA,
    /** The name does not exist (NXDOMAIN): a permanent answer. */
    NO_SUCH_DOMAIN,
    /** SERVFAIL, REFUSED, timeout or network error: try again later. */
    TEMPORARY_FAILURE
  }

  public DnsAnswer {
    Objects.requireNonNull(status, "status");
    records = List.copyOf(records);
    Objects.requireNonNull(diagnostic, "diagnostic");
  }

  public static DnsAnswer found(List<Record> records) {
    long ttl = records.stream().mapToLong(Record::getTTL).min().orElse(0);
    return new DnsAnswer(Status.FOUND, records, ttl, "");
  }

  public static DnsAnswer noData(long ttlSeconds) {
    return new DnsAnswer(Status.NO_DATA, List.of(), ttlSeconds, "no records of that type");
  }

  public static DnsAnswer noSuchDomain(long ttlSeconds) {
    return new DnsAnswer(Status.NO_SUCH_DOMAIN, List.of(), ttlSeconds, "no such domain");
  }

  public static DnsAnswer temporaryFailure(String diagnostic) {
    return new DnsAnswer(Status.TEMPORARY_FAILURE, List.of(), 0, diagnostic);
  }
}
