package dev.yubin.protocol.imap;

import dev.yubin.protocol.imap.backend.OrderedSubjectThreads;
import dev.yubin.protocol.imap.backend.ReferenceThreads;
import dev.yubin.protocol.imap.backend.SearchKey;
import dev.yubin.protocol.imap.backend.SortKey;
import dev.yubin.protocol.imap.backend.ThreadAlgorithm;
import dev.yubin.protocol.imap.backend.ThreadMessage;
import dev.yubin.protocol.imap.backend.ThreadNode;
import dev.yubin.protocol.text.BaseSubject;
import dev.yubin.protocol.text.UnicodeCasemap;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * SEARCH, SORT and THREAD for {@link InMemoryImapBackend}: every message is parsed and matched in
 * turn, as the {@link SearchKey} contract describes. The server's zone is UTC here.
 */
final class InMemorySearch {

  /** A message as the backend holds it. */
  record Candidate(long uid, byte[] content, OffsetDateTime date, Set<String> flags, long modseq) {

    ParsedMessage parsed() {
      return new ParsedMessage(content);
    }

    /** The Date field as an instant, or the internal date (RFC 5256 §2.2). */
    Instant sent(ParsedMessage parsed) {
      OffsetDateTime sent = parsed.date();
      return (sent == null ? date : sent).toInstant();
    }
  }

  private InMemorySearch() {}

  static List<Candidate> matching(List<Candidate> messages, SearchKey criteria) {
    return messages.stream().filter(m -> matches(criteria, m, m.parsed())).toList();
  }

  static long[] search(List<Candidate> messages, SearchKey criteria) {
    return matching(messages, criteria).stream().mapToLong(Candidate::uid).toArray();
  }

  static long[] sort(List<Candidate> messages, List<SortKey> order, SearchKey criteria) {
    List<Candidate> found = new ArrayList<>(matching(messages, criteria));
    Comparator<Candidate> comparator = (a, b) -> 0;
    for (SortKey key : order) {
      Comparator<Candidate> one = comparator(key.field());
      comparator = comparator.thenComparing(key.reverse() ? one.reversed() : one);
    }
    found.sort(comparator.thenComparingLong(Candidate::uid));
    return found.stream().mapToLong(Candidate::uid).toArray();
  }

  static List<ThreadNode> thread(
      List<Candidate> messages, ThreadAlgorithm algorithm, SearchKey criteria) {
    List<ThreadMessage> threadable = new ArrayList<>();
    for (Candidate m : matching(messages, criteria)) {
      ParsedMessage p = m.parsed();
      List<String> ids = ThreadMessage.messageIds(p.value("Message-ID"));
      threadable.add(
          new ThreadMessage(
              m.uid(),
              ids.isEmpty() ? null : ids.get(0),
              ThreadMessage.references(p.value("References"), p.value("In-Reply-To")),
              p.value("Subject"),
              m.sent(p)));
    }
    return algorithm == ThreadAlgorithm.REFERENCES
        ? ReferenceThreads.of(threadable)
        : OrderedSubjectThreads.of(threadable);
  }

  private static Comparator<Candidate> comparator(SortKey.Field field) {
    return switch (field) {
      case ARRIVAL -> Comparator.comparing(m -> m.date().toInstant());
      case DATE -> Comparator.comparing(m -> m.sent(m.parsed()));
      case SIZE -> Comparator.comparingInt(m -> m.content().length);
      case SUBJECT -> text(m -> BaseSubject.of(m.parsed().value("Subject")).text());
      case FROM -> text(m -> mailbox(m.parsed().firstAddress("From")));
      case TO -> text(m -> mailbox(m.parsed().firstAddress("To")));
      case CC -> text(m -> mailbox(m.parsed().firstAddress("Cc")));
      case DISPLAYFROM -> text(m -> display(m.parsed().firstAddress("From")));
      case DISPLAYTO -> text(m -> display(m.parsed().firstAddress("To")));
    };
  }

  private static Comparator<Candidate> text(Function<Candidate, String> value) {
    return (a, b) -> UnicodeCasemap.compare(value.apply(a), value.apply(b));
  }

  /** RFC 5256: the addr-mailbox (local part); an absent field is the empty string. */
  private static String mailbox(ParsedMessage.Address address) {
    return address == null ? "" : address.local();
  }

  /** RFC 5957: the display name, else the address. */
  private static String display(ParsedMessage.Address address) {
    if (address == null) {
      return "";
    }
    return address.name().isBlank() ? address.local() + "@" + address.domain() : address.name();
  }

  private static boolean matches(SearchKey key, Candidate m, ParsedMessage p) {
    if (key instanceof SearchKey.All) {
      return true;
    } else if (key instanceof SearchKey.And and) {
      return and.keys().stream().allMatch(k -> matches(k, m, p));
    } else if (key instanceof SearchKey.Or or) {
      return matches(or.left(), m, p) || matches(or.right(), m, p);
    } else if (key instanceof SearchKey.Not not) {
      return !matches(not.key(), m, p);
    } else if (key instanceof SearchKey.Uids uids) {
      for (int i = 0; i < uids.firsts().length; i++) {
        if (m.uid() >= uids.firsts()[i] && m.uid() <= uids.lasts()[i]) {
          return true;
        }
      }
      return false;
    } else if (key instanceof SearchKey.Flag flag) {
      return m.flags().stream().anyMatch(f -> f.equalsIgnoreCase(flag.flag())) == flag.set();
    } else if (key instanceof SearchKey.Size size) {
      return size.larger() ? m.content().length > size.size() : m.content().length < size.size();
    } else if (key instanceof SearchKey.Arrival arrival) {
      LocalDate day = m.date().atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
      return compare(day, arrival.date(), arrival.comparison());
    } else if (key instanceof SearchKey.Sent sent) {
      OffsetDateTime date = p.date();
      LocalDate day =
          date == null
              ? m.date().atZoneSameInstant(ZoneOffset.UTC).toLocalDate()
              : date.toLocalDate();
      return compare(day, sent.date(), sent.comparison());
    } else if (key instanceof SearchKey.ArrivalInstant within) {
      boolean before = m.date().toInstant().isBefore(within.instant());
      return within.before() == before;
    } else if (key instanceof SearchKey.Header header) {
      return p.values(header.field()).stream()
          .anyMatch(v -> UnicodeCasemap.contains(v, header.value()));
    } else if (key instanceof SearchKey.Body body) {
      return UnicodeCasemap.contains(p.body(), body.text());
    } else if (key instanceof SearchKey.Text text) {
      return UnicodeCasemap.contains(p.headerText(), text.text())
          || UnicodeCasemap.contains(p.body(), text.text());
    } else if (key instanceof SearchKey.ModSeq modseq) {
      return m.modseq() >= modseq.modseq();
    }
    throw new IllegalArgumentException("unknown search key " + key);
  }

  private static boolean compare(LocalDate day, LocalDate date, SearchKey.Comparison comparison) {
    return switch (comparison) {
      case BEFORE -> day.isBefore(date);
      case ON -> day.equals(date);
      case SINCE -> !day.isBefore(date);
    };
  }
}
