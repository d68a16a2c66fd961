package dev.yubin.ejb.mailbox.application;

import dev.yubin.ejb.mailbox.application.MessageCriteria.And;
import dev.yubin.ejb.mailbox.application.MessageCriteria.Not;
import dev.yubin.ejb.mailbox.application.MessageCriteria.Or;
import dev.yubin.ejb.mailbox.domain.mime.HeaderSection;
import dev.yubin.protocol.text.UnicodeCasemap;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Decides whether a message matches {@link MessageCriteria}: flags, dates, sizes and the header
 * fields the content row keeps from the {@link IndexedMessage}; body keys, TEXT and other header
 * fields from the file, through {@link MessageText}.
 *
 * @see "RFC 3501 §6.4.4, RFC 5032, RFC 7162 §3.1.5"
 */
final class CriteriaMatcher {

  /** Header fields the content row keeps decoded (lower case); others are read from the file. */
  private static final Set<String> STORED = Set.of("subject", "from", "to", "cc", "bcc");

  private final ZoneId zone;
  private final Map<String, String> needles = new HashMap<>();

  /** Dates without a zone of their own (internal dates) are taken in {@code zone}. */
  CriteriaMatcher(ZoneId zone) {
    this.zone = zone;
  }

  /** Whether any key of {@code criteria} reads the message's file. */
  static boolean readsFile(MessageCriteria criteria) {
    if (criteria instanceof MessageCriteria.Header header) {
      return !STORED.contains(header.field());
    } else if (criteria instanceof And and) {
      return and.keys().stream().anyMatch(CriteriaMatcher::readsFile);
    } else if (criteria instanceof Or or) {
      return readsFile(or.left()) || readsFile(or.right());
    } else if (criteria instanceof Not not) {
      return readsFile(not.key());
    }
    return criteria instanceof MessageCriteria.Body || criteria instanceof MessageCriteria.Text;
  }

  /**
   * The same criteria with the keys that read the file moved behind the others in every AND and OR,
   * so that the row decides whenever it can.
   */
  static MessageCriteria rowFirst(MessageCriteria criteria) {
    if (criteria instanceof And and) {
      return new And(
          and.keys().stream()
              .map(CriteriaMatcher::rowFirst)
              .sorted(Comparator.comparing(CriteriaMatcher::readsFile))
              .toList());
    } else if (criteria instanceof Or or) {
      MessageCriteria left = rowFirst(or.left());
      MessageCriteria right = rowFirst(or.right());
      return readsFile(left) && !readsFile(right) ? new Or(right, left) : new Or(left, right);
    } else if (criteria instanceof Not not) {
      return new Not(rowFirst(not.key()));
    }
    return criteria;
  }

  boolean matches(MessageCriteria criteria, IndexedMessage message, MessageText text) {
    if (criteria instanceof MessageCriteria.All) {
      return true;
    } else if (criteria instanceof And and) {
      return and.keys().stream().allMatch(k -> matches(k, message, text));
    } else if (criteria instanceof Or or) {
      return matches(or.left(), message, text) || matches(or.right(), message, text);
    } else if (criteria instanceof Not not) {
      return !matches(not.key(), message, text);
    } else if (criteria instanceof MessageCriteria.UidRanges uids) {
      return uids.contains(message.uid());
    } else if (criteria instanceof MessageCriteria.HasFlag flag) {
      return message.flags().has(flag.flag()) == flag.set();
    } else if (criteria instanceof MessageCriteria.HasKeyword keyword) {
      return message.flags().keywords().stream()
              .anyMatch(k -> k.equalsIgnoreCase(keyword.keyword()))
          == keyword.set();
    } else if (criteria instanceof MessageCriteria.Size size) {
      return size.larger() ? message.size() > size.size() : message.size() < size.size();
    } else if (criteria instanceof MessageCriteria.Arrived arrived) {
      return compare(arrivalDay(message), arrived.date(), arrived.comparison());
    } else if (criteria instanceof MessageCriteria.Sent sent) {
      return compare(sentDay(message), sent.date(), sent.comparison());
    } else if (criteria instanceof MessageCriteria.ArrivedBefore within) {
      return message.internalDate().toInstant().isBefore(within.instant()) == within.before();
    } else if (criteria instanceof MessageCriteria.Header header) {
      return header(header, message, text);
    } else if (criteria instanceof MessageCriteria.Body body) {
      return text.bodyKey().contains(needle(body.text()));
    } else if (criteria instanceof MessageCriteria.Text any) {
      return text.headerKey().contains(needle(any.text()))
          || text.bodyKey().contains(needle(any.text()));
    } else if (criteria instanceof MessageCriteria.ModSeqAtLeast modseq) {
      return message.modseq() >= modseq.modseq();
    }
    throw new IllegalArgumentException("unknown criteria " + criteria);
  }

  private boolean header(MessageCriteria.Header header, IndexedMessage message, MessageText text) {
    String needle = needle(header.value());
    if (STORED.contains(header.field())) {
      String value = stored(header.field(), message.fields());
      return value != null && UnicodeCasemap.key(value).contains(needle);
    }
    for (HeaderSection.Field field : text.header()) {
      if (field.name().equalsIgnoreCase(header.field())
          && UnicodeCasemap.key(field.value()).contains(needle)) {
        return true;
      }
    }
    return false;
  }

  private static String stored(String field, IndexedMessage.Fields fields) {
    return switch (field) {
      case "subject" -> fields.subject();
      case "from" -> fields.from();
      case "to" -> fields.to();
      case "cc" -> fields.cc();
      case "bcc" -> fields.bcc();
      default -> throw new IllegalArgumentException("not a stored field: " + field);
    };
  }

  private String needle(String text) {
    return needles.computeIfAbsent(text, UnicodeCasemap::key);
  }

  private LocalDate arrivalDay(IndexedMessage message) {
    return message.internalDate().atZoneSameInstant(zone).toLocalDate();
  }

  /** The Date field's own day; without one, the internal date's (RFC 3501 leaves time aside). */
  private LocalDate sentDay(IndexedMessage message) {
    return message.fields().sentAt() == null
        ? arrivalDay(message)
        : message.fields().sentAt().toLocalDate();
  }

  private static boolean compare(
      LocalDate day, LocalDate date, MessageCriteria.DateComparison comparison) {
    return switch (comparison) {
      case BEFORE -> day.isBefore(date);
      case ON -> day.equals(date);
      case SINCE -> !day.isBefore(date);
    };
  }
}
