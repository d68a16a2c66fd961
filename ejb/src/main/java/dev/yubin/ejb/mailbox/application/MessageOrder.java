package dev.yubin.ejb.mailbox.application;

import dev.yubin.protocol.text.UnicodeCasemap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Sorts messages by {@link SortCriterion}s, the remaining ties by UID (RFC 5256 §3). Each message's
 * sort values are computed once (casemap keys for strings), not at every comparison.
 */
final class MessageOrder {

  /** A message with its value for each criterion. */
  private record Keyed(IndexedMessage message, Object[] values) {}

  private MessageOrder() {}

  static List<IndexedMessage> sort(List<IndexedMessage> messages, List<SortCriterion> order) {
    List<Keyed> keyed = new ArrayList<>(messages.size());
    for (IndexedMessage message : messages) {
      Object[] values = new Object[order.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = value(order.get(i).field(), message);
      }
      keyed.add(new Keyed(message, values));
    }
    Comparator<Keyed> comparator = (a, b) -> 0;
    for (int i = 0; i < order.size(); i++) {
      Comparator<Keyed> one = comparator(order.get(i).field(), i);
      comparator = comparator.thenComparing(order.get(i).reverse() ? one.reversed() : one);
    }
    keyed.sort(comparator.thenComparingLong(k -> k.message().uid()));
    return keyed.stream().map(Keyed::message).toList();
  }

  private static Object value(SortCriterion.Field field, IndexedMessage message) {
    IndexedMessage.Fields fields = message.fields();
    return switch (field) {
      case ARRIVAL -> message.internalDate().toInstant();
      case DATE -> message.sent();
      case SIZE -> message.size();
      case SUBJECT -> text(fields.baseSubject());
      case FROM -> text(fields.sortFrom());
      case TO -> text(fields.sortTo());
      case CC -> text(fields.sortCc());
      case DISPLAY_FROM -> text(fields.displayFrom());
      case DISPLAY_TO -> text(fields.displayTo());
    };
  }

  /** An absent field is the empty string (RFC 5256 §3). */
  private static String text(String value) {
    return value == null ? "" : UnicodeCasemap.key(value);
  }

  @SuppressWarnings("unchecked")
  private static Comparator<Keyed> comparator(SortCriterion.Field field, int i) {
    return switch (field) {
      case ARRIVAL, DATE, SIZE ->
          (a, b) -> ((Comparable<Object>) a.values()[i]).compareTo(b.values()[i]);
      default ->
          (a, b) -> UnicodeCasemap.compareKeys((String) a.values()[i], (String) b.values()[i]);
    };
  }
}
