package dev.yubin.api;

import java.util.List;
import java.util.Optional;

/**
 * The header section of a message (RFC 5322 §2.2) as an ordered list of fields. Names compare
 * case-insensitively; values are unfolded for reading and kept as written otherwise.
 */
public interface HeaderFields {

  /** The unfolded values of every field with this name, in order. */
  List<String> all(String name);

  /** The first field with this name. */
  default Optional<String> first(String name) {
    List<String> values = all(name);
    return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** Whether a field with this name exists. */
  default boolean contains(String name) {
    return !all(name).isEmpty();
  }

  /** Appends a field at the end of the header section. */
  void add(String name, String value);

  /** Inserts a field before all others (where trace fields go, RFC 5321 §4.4). */
  void prepend(String name, String value);

  /** Removes every field with this name; answers how many were removed. */
  int remove(String name);

  /** Replaces every field with this name by one field with this value (added if absent). */
  void set(String name, String value);
}
