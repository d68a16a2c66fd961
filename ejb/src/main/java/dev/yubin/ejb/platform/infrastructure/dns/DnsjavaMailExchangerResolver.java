package dev.yubin.ejb.platform.infrastructure.dns;

import dev.yubin.ejb.kernel.DomainName;
import dev.yubin.ejb.platform.infrastructure.dns.DnsAnswer.Status;
import dev.yubin.protocol.Reply;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.regex.Pattern;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Next hops per RFC 5321 §5.1 through dnsjava: MX records by preference, equal preferences in
 * random order; no MX → the domain's own A/AAAA (implicit MX); a lone MX "." → the domain accepts
 * no mail (RFC 7505); NXDOMAIN → permanent; SERVFAIL or timeout → temporary; MX hosts without
 * addresses are skipped, and if none is left → temporary (4.4.3). With a smarthost configured every
 * domain goes to it. Thread-safe.
 */
public final class DnsjavaMailExchangerResolver implements MailExchangerResolver {

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("(?i)[0-9a-f:.]*:[0-9a-f:.]*");

  private final DnsClient dns;
  private final Random random;
  private final DnsSettings settings;

  /** The production resolver: dnsjava per the settings, answers cached for their TTL. */
  public DnsjavaMailExchangerResolver(DnsSettings settings) {
    this(
        settings,
        new CachingDnsClient(
            new DnsjavaClient(settings),
            Clock.systemUTC(),
            settings.maxTtl(),
            settings.cacheEntries()),
        new SecureRandom());
  }

  /**
   * @param dns asked one question at a time; wrap it in a {@link CachingDnsClient} to cache
   * @param random orders MX hosts of equal preference
   */
  public DnsjavaMailExchangerResolver(DnsSettings settings, DnsClient dns, Random random) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.dns = Objects.requireNonNull(dns, "dns");
    this.random = Objects.requireNonNull(random, "random");
  }

  @Override
  public MxResolution resolve(String domain) {
    String given = Objects.requireNonNull(domain, "domain").trim();
    if (settings.smarthost().isPresent()) {
      return smarthost(given, settings.smarthost().get());
    }
    if (given.startsWith("[") && given.endsWith("]")) {
      return addressLiteral(given);
    }
    Name name;
    String ascii;
    try {
      ascii = ascii(given);
      name = Name.fromString(ascii + ".");
    } catch (IllegalArgumentException | TextParseException e) {
      return MxResolution.permanentFailure(
          given, Reply.of(550, "5.1.2", "bad destination domain " + oneLine(given)));
    }
    DnsAnswer mx = dns.query(name, Type.MX);
    switch (mx.status()) {
      case NO_SUCH_DOMAIN:
        return MxResolution.permanentFailure(
            ascii, Reply.of(550, "5.1.2", "domain " + ascii + " does not exist (NXDOMAIN)"));
      case TEMPORARY_FAILURE:
        return MxResolution.temporaryFailure(
            ascii,
            Reply.of(
                451, "4.4.3", "MX lookup for " + ascii + " failed: " + oneLine(mx.diagnostic())));
      case NO_DATA:
        return implicitMx(ascii, name);
      case FOUND:
      default:
        return fromMxRecords(ascii, name, mx.records());
    }
  }

  private MxResolution fromMxRecords(String domain, Name name, List<Record> records) {
    List<MXRecord> mxs =
        records.stream().filter(MXRecord.class::isInstance).map(MXRecord.class::cast).toList();
    if (mxs.isEmpty()) {
      return implicitMx(domain, name);
    }
    if (mxs.size() == 1 && mxs.get(0).getTarget().equals(Name.root)) {
      return MxResolution.noMail(domain);
    }
    // One entry per host, at its best preference; "." among other MX hosts is just skipped.
    Map<Name, Integer> hosts = new LinkedHashMap<>();
    mxs.stream()
        .filter(r -> !r.getTarget().equals(Name.root))
        .sorted(
            Comparator.comparingInt(MXRecord::getPriority)
                .thenComparing(r -> r.getTarget().canonicalize()))
        .forEach(r -> hosts.putIfAbsent(r.getTarget().canonicalize(), r.getPriority()));
    List<Map.Entry<Name, Integer>> ordered =
        shuffleEqualPreferences(new ArrayList<>(hosts.entrySet()));

    List<MailExchanger> exchangers = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (Map.Entry<Name, Integer> host : ordered) {
      Addresses found = addresses(host.getKey());
      if (found.addresses.isEmpty()) {
        problems.add(hostName(host.getKey()) + ": " + found.problem);
      } else {
        exchangers.add(
            new MailExchanger(
                hostName(host.getKey()),
                host.getValue(),
                DnsSettings.SMTP_PORT,
                found.addresses,
                false));
      }
    }
    if (exchangers.isEmpty()) {
      return MxResolution.temporaryFailure(
          domain,
          Reply.of(
              451,
              "4.4.3",
              "no MX host of " + domain + " has an address (" + String.join("; ", problems) + ")"));
    }
    return MxResolution.routed(domain, exchangers);
  }

  private List<Map.Entry<Name, Integer>> shuffleEqualPreferences(
      List<Map.Entry<Name, Integer>> sorted) {
    List<Map.Entry<Name, Integer>> result = new ArrayList<>(sorted.size());
    int start = 0;
    while (start < sorted.size()) {
      int end = start;
      int preference = sorted.get(start).getValue();
      while (end < sorted.size() && sorted.get(end).getValue() == preference) {
        end++;
      }
      List<Map.Entry<Name, Integer>> group = new ArrayList<>(sorted.subList(start, end));
      java.util.Collections.shuffle(group, random);
      result.addAll(group);
      start = end;
    }
    return result;
  }

  private MxResolution implicitMx(String domain, Name name) {
    Addresses found = addresses(name);
    if (!found.addresses.isEmpty()) {
      return MxResolution.routed(
          domain,
          List.of(new MailExchanger(domain, 0, DnsSettings.SMTP_PORT, found.addresses, true)));
    }
    return switch (found.status) {
      case NO_SUCH_DOMAIN ->
          MxResolution.permanentFailure(
              domain, Reply.of(550, "5.1.2", "domain " + domain + " does not exist (NXDOMAIN)"));
      case TEMPORARY_FAILURE ->
          MxResolution.temporaryFailure(
              domain,
              Reply.of(451, "4.4.3", "address lookup for " + domain + " failed: " + found.problem));
      default ->
          MxResolution.permanentFailure(
              domain,
              Reply.of(550, "5.4.4", "domain " + domain + " has no MX and no address records"));
    };
  }

  private MxResolution smarthost(String domain, HostAndPort host) {
    List<InetAddress> literal = literal(host.host());
    if (!literal.isEmpty()) {
      return MxResolution.routed(
          domain, List.of(new MailExchanger(host.host(), 0, host.port(), literal, false)));
    }
    Addresses found;
    try {
      found = addresses(Name.fromString(ascii(host.host()) + "."));
    } catch (IllegalArgumentException | TextParseException e) {
      found = new Addresses(List.of(), Status.NO_SUCH_DOMAIN, "bad host name");
    }
    if (found.addresses.isEmpty()) {
      // Our own configuration is wrong or DNS is down: not the recipient's fault, so retry.
      return MxResolution.temporaryFailure(
          domain,
          Reply.of(451, "4.4.3", "smarthost " + host.host() + " has no address: " + found.problem));
    }
    return MxResolution.routed(
        domain, List.of(new MailExchanger(host.host(), 0, host.port(), found.addresses, false)));
  }

  private MxResolution addressLiteral(String given) {
    String inner = given.substring(1, given.length() - 1);
    if (inner.regionMatches(true, 0, "IPv6:", 0, 5)) {
      inner = inner.substring(5);
    }
    List<InetAddress> address = literal(inner);
    if (address.isEmpty()) {
      return MxResolution.permanentFailure(
          given, Reply.of(550, "5.1.2", "bad address literal " + oneLine(given)));
    }
    return MxResolution.routed(
        given, List.of(new MailExchanger(inner, 0, DnsSettings.SMTP_PORT, address, false)));
  }

  /** The address a numeric literal stands for, or nothing if it is not one. */
  private static List<InetAddress> literal(String text) {
    if (!IPV4.matcher(text).matches() && !IPV6.matcher(text).matches()) {
      return List.of();
    }
    try {
      return List.of(InetAddress.getByName(text)); // numeric: no lookup happens
    } catch (UnknownHostException e) {
      return List.of();
    }
  }

  private record Addresses(List<InetAddress> addresses, Status status, String problem) {}

  /** A then AAAA records of a host; a failure of one type does not hide the other's addresses. */
  private Addresses addresses(Name host) {
    DnsAnswer a = dns.query(host, Type.A);
    DnsAnswer aaaa = dns.query(host, Type.AAAA);
    List<InetAddress> found = new ArrayList<>();
    for (Record r : a.records()) {
      if (r instanceof ARecord ar) {
        found.add(ar.getAddress());
      }
    }
    for (Record r : aaaa.records()) {
      if (r instanceof AAAARecord ar) {
        found.add(ar.getAddress());
      }
    }
    Status status;
    String problem;
    if (!found.isEmpty()) {
      status = Status.FOUND;
      problem = "";
    } else if (a.status() == Status.TEMPORARY_FAILURE
        || aaaa.status() == Status.TEMPORARY_FAILURE) {
      status = Status.TEMPORARY_FAILURE;
      problem =
          oneLine(a.status() == Status.TEMPORARY_FAILURE ? a.diagnostic() : aaaa.diagnostic());
    } else if (a.status() == Status.NO_SUCH_DOMAIN) {
      status = Status.NO_SUCH_DOMAIN;
      problem = "no such domain";
    } else {
      status = Status.NO_DATA;
      problem = "no A or AAAA records";
    }
    return new Addresses(found, status, problem);
  }

  private static String ascii(String domain) {
    String d = domain.endsWith(".") ? domain.substring(0, domain.length() - 1) : domain;
    if (d.isEmpty()) {
      throw new IllegalArgumentException("empty domain");
    }
    return DomainName.toAscii(d)
        .orElseThrow(() -> new IllegalArgumentException("not a domain name"));
  }

  private static String hostName(Name name) {
    String text = name.toString(true);
    return text.toLowerCase(Locale.ROOT);
  }

  private static String oneLine(String text) {
    return text.replaceAll("[\\r\\n]+", " ");
  }
}
