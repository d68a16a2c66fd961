package dev.yubin.ejb.interfaces.jca;

import dev.yubin.ejb.mailbox.application.MessageCriteria;
import dev.yubin.ejb.mailbox.application.SortCriterion;
import dev.yubin.ejb.mailbox.domain.SystemFlag;
import dev.yubin.protocol.imap.backend.SearchKey;
import dev.yubin.protocol.imap.backend.SortKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Translates the IMAP engine's SEARCH programs and SORT criteria into the store's. */
final class ImapSearchCriteria {

  private ImapSearchCriteria() {}

  static MessageCriteria toStore(SearchKey key) {
    if (key instanceof SearchKey.All) {
      return MessageCriteria.ALL;
    } else if (key instanceof SearchKey.And and) {
      return new MessageCriteria.And(and.keys().stream().map(ImapSearchCriteria::toStore).toList());
    } else if (key instanceof SearchKey.Or or) {
      return new MessageCriteria.Or(toStore(or.left()), toStore(or.right()));
    } else if (key instanceof SearchKey.Not not) {
      return new MessageCriteria.Not(toStore(not.key()));
    } else if (key instanceof SearchKey.Uids uids) {
      return new MessageCriteria.UidRanges(uids.firsts(), uids.lasts());
    } else if (key instanceof SearchKey.Flag flag) {
      return flag(flag.flag(), flag.set());
    } else if (key instanceof SearchKey.Size size) {
      return new MessageCriteria.Size(size.size(), size.larger());
    } else if (key instanceof SearchKey.Arrival arrival) {
      return new MessageCriteria.Arrived(arrival.date(), comparison(arrival.comparison()));
    } else if (key instanceof SearchKey.Sent sent) {
      return new MessageCriteria.Sent(sent.date(), comparison(sent.comparison()));
    } else if (key instanceof SearchKey.ArrivalInstant within) {
      return new MessageCriteria.ArrivedBefore(within.instant(), within.before());
    } else if (key instanceof SearchKey.Header header) {
      return new MessageCriteria.Header(header.field(), header.value());
    } else if (key instanceof SearchKey.Body body) {
      return new MessageCriteria.Body(body.text());
    } else if (key instanceof SearchKey.Text text) {
      return new MessageCriteria.Text(text.text());
    } else if (key instanceof SearchKey.ModSeq modseq) {
      return new MessageCriteria.ModSeqAtLeast(modseq.modseq());
    }
    throw new IllegalArgumentException("unknown search key " + key);
  }

  /**
   * A system flag the store does not know (none but \Recent, which the engine resolves) is unset.
   */
  private static MessageCriteria flag(String flag, boolean set) {
    if (!flag.startsWith("\\")) {
      return new MessageCriteria.HasKeyword(flag, set);
    }
    String name = flag.substring(1).toUpperCase(Locale.ROOT);
    for (SystemFlag system : SystemFlag.values()) {
      if (system.name().equals(name)) {
        return new MessageCriteria.HasFlag(system, set);
      }
    }
    return set ? new MessageCriteria.Not(MessageCriteria.ALL) : MessageCriteria.ALL;
  }

  private static MessageCriteria.DateComparison comparison(SearchKey.Comparison comparison) {
    return switch (comparison) {
      case BEFORE -> MessageCriteria.DateComparison.BEFORE;
      case ON -> MessageCriteria.DateComparison.ON;
      case SINCE -> MessageCriteria.DateComparison.SINCE;
    };
  }

  static List<SortCriterion> toStore(List<SortKey> order) {
    List<SortCriterion> criteria = new ArrayList<>(order.size());
    for (SortKey key : order) {
      criteria.add(new SortCriterion(field(key.field()), key.reverse()));
    }
    return criteria;
  }

  private static SortCriterion.Field field(SortKey.Field field) {
    return switch (field) {
      case ARRIVAL -> SortCriterion.Field.ARRIVAL;
      case CC -> SortCriterion.Field.CC;
      case DATE -> SortCriterion.Field.DATE;
      case FROM -> SortCriterion.Field.FROM;
      case SIZE -> SortCriterion.Field.SIZE;
      case SUBJECT -> SortCriterion.Field.SUBJECT;
      case TO -> SortCriterion.Field.TO;
      case DISPLAYFROM -> SortCriterion.Field.DISPLAY_FROM;
      case DISPLAYTO -> SortCriterion.Field.DISPLAY_TO;
    };
  }
}
