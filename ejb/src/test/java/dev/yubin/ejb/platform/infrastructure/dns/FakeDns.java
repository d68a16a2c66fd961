package dev.yubin.ejb.platform.infrastructure.dns;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.ReverseMap;
import org.xbill.DNS.Type;

/**
 * A DNS in memory: answers set per name and type, NO_DATA for the rest; counts questions. While
 * {@link #hold} is closed, every question waits for it (a server that does not answer).
 */
final class FakeDns implements DnsClient {

  private final Map<String, DnsAnswer> answers = new ConcurrentHashMap<>();
  final List<String> questions = new CopyOnWriteArrayList<>();
  volatile CountDownLatch hold = new CountDownLatch(0);

  static Name name(String text) {
    return Name.fromConstantString(text.endsWith(".") ? text : text + ".");
  }

  FakeDns mx(String domain, Object... preferenceAndHost) {
    List<Record> records = new ArrayList<>();
    for (int i = 0; i < preferenceAndHost.length; i += 2) {
      records.add(
          new MXRecord(
              name(domain),
              DClass.IN,
              300,
              (Integer) preferenceAndHost[i],
              name((String) preferenceAndHost[i + 1])));
    }
    return answer(domain, Type.MX, DnsAnswer.found(records));
  }

  FakeDns a(String host, String... addresses) {
    List<Record> records = new ArrayList<>();
    List<Record> records6 = new ArrayList<>();
    for (String address : addresses) {
      InetAddress ip = ip(address);
      if (address.contains(":")) {
        records6.add(new AAAARecord(name(host), DClass.IN, 300, ip));
      } else {
        records.add(new ARecord(name(host), DClass.IN, 300, ip));
      }
    }
    if (!records.isEmpty()) {
      answer(host, Type.A, DnsAnswer.found(records));
    }
    if (!records6.isEmpty()) {
      answer(host, Type.AAAA, DnsAnswer.found(records6));
    }
    return this;
  }

  /** PTR records for an address literal. */
  FakeDns ptr(String address, String... names) {
    List<Record> records = new ArrayList<>();
    Name reverse = ReverseMap.fromAddress(ip(address));
    for (String target : names) {
      records.add(new PTRRecord(reverse, DClass.IN, 300, name(target)));
    }
    return answer(reverse.toString(), Type.PTR, DnsAnswer.found(records));
  }

  FakeDns answer(String name, int type, DnsAnswer answer) {
    answers.put(key(name(name), type), answer);
    return this;
  }

  /** Every type for the name answers the same (e.g. NXDOMAIN). */
  FakeDns all(String name, DnsAnswer answer) {
    for (int type : new int[] {Type.MX, Type.A, Type.AAAA}) {
      answer(name, type, answer);
    }
    return this;
  }

  static InetAddress ip(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }

  @Override
  public DnsAnswer query(Name name, int type) {
    String key = key(name, type);
    questions.add(key);
    try {
      hold.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return DnsAnswer.temporaryFailure("interrupted");
    }
    return answers.getOrDefault(key, DnsAnswer.noData(60));
  }

  private static String key(Name name, int type) {
    return name.canonicalize() + " " + Type.string(type);
  }
}
