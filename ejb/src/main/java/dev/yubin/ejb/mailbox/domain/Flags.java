package dev.yubin.ejb.mailbox.domain;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A message's flags: system flags and keywords. Keywords are atoms compared case-sensitively as
 * stored (RFC 3501 leaves case to the server; Dovecot keeps them as given).
 */
public record Flags(Set<SystemFlag> system, SortedSet<String> keywords) {

  /** The longest keyword kept. */
  public static final int MAX_KEYWORD = 100;

  public Flags {
    system = system.isEmpty() ? EnumSet.noneOf(SystemFlag.class) : EnumSet.copyOf(system);
    keywords = new TreeSet<>(keywords);
  }

  public static Flags none() {
    return new Flags(EnumSet.noneOf(SystemFlag.class), new TreeSet<>());
  }

  public static Flags of(Collection<SystemFlag> system, Collection<String> keywords) {
    return new Flags(
        system.isEmpty() ? EnumSet.noneOf(SystemFlag.class) : EnumSet.copyOf(system),
        new TreeSet<>(keywords));
  }

  public boolean has(SystemFlag flag) {
    return system.contains(flag);
  }

  /** These flags with {@code change} applied. */
  public Flags apply(FlagChange change) {
    EnumSet<SystemFlag> nextSystem = EnumSet.noneOf(SystemFlag.class);
    TreeSet<String> nextKeywords = new TreeSet<>();
    if (change.mode() != FlagChange.Mode.REPLACE) {
      nextSystem.addAll(system);
      nextKeywords.addAll(keywords);
    }
    if (change.mode() == FlagChange.Mode.REMOVE) {
      nextSystem.removeAll(change.flags().system());
      nextKeywords.removeAll(change.flags().keywords());
    } else {
      nextSystem.addAll(change.flags().system());
      nextKeywords.addAll(change.flags().keywords());
    }
    return new Flags(nextSystem, nextKeywords);
  }

  /** Keywords as stored: space-separated, sorted, with a space at both ends for LIKE matches. */
  public String keywordColumn() {
    return keywords.isEmpty() ? "" : " " + String.join(" ", keywords) + " ";
  }

  public static SortedSet<String> parseKeywordColumn(String column) {
    TreeSet<String> keywords = new TreeSet<>();
    if (column != null) {
      for (String keyword : column.trim().split(" ")) {
        if (!keyword.isEmpty()) {
          keywords.add(keyword);
        }
      }
    }
    return keywords;
  }
}
