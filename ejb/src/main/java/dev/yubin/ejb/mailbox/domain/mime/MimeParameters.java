package dev.yubin.ejb.mailbox.domain.mime;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Content-Type and Content-Disposition parameter lists. */
public final class MimeParameters {

  private MimeParameters() {}

  /** The value of parameter {@code name} (case-insensitive), or null. */
  static String find(List<MimeParameter> parameters, String name) {
    for (MimeParameter parameter : parameters) {
      if (parameter.name().equalsIgnoreCase(name)) {
        return parameter.value();
      }
    }
    return null;
  }

  /**
   * Content-Type parameters in the form BODYSTRUCTURE reports them, as Dovecot does: RFC 2231
   * continuations joined, then {@code charset=us-ascii} appended to a text entity that names no
   * charset (RFC 2045 §5.2).
   */
  public static List<MimeParameter> forImap(MimeEntity entity) {
    List<MimeParameter> joined = joinContinuations(entity.parameters());
    if (entity.isText() && find(joined, "charset") == null) {
      joined.add(new MimeParameter("charset", "us-ascii"));
    }
    return joined;
  }

  /**
   * Joins RFC 2231 §3 continuations ({@code name*0}, {@code name*1*}, ...) into one parameter, as
   * Dovecot 2.3 does for BODYSTRUCTURE: {@code name*} holding the segments' values as sent (still
   * percent-encoded, the charset prefix of segment 0 kept) when any segment is extended, else
   * {@code name} with the plain values concatenated. Plain parameters come first in their order,
   * then the joined ones by name; a series with a missing index is left as it was.
   */
  public static List<MimeParameter> joinContinuations(List<MimeParameter> parameters) {
    List<MimeParameter> plain = new ArrayList<>();
    List<Segment> segments = new ArrayList<>();
    for (MimeParameter parameter : parameters) {
      Segment segment = Segment.of(parameter);
      if (segment == null) {
        plain.add(parameter);
      } else {
        segments.add(segment);
      }
    }
    if (segments.isEmpty()) {
      return plain;
    }
    segments.sort(Comparator.comparing(Segment::base).thenComparingInt(Segment::index));
    for (int i = 0; i < segments.size(); ) {
      int j = i;
      boolean complete = true;
      boolean extended = false;
      while (j < segments.size()
          && segments.get(j).base().equalsIgnoreCase(segments.get(i).base())) {
        complete &= segments.get(j).index() == j - i;
        extended |= segments.get(j).extended();
        j++;
      }
      if (complete) {
        plain.add(join(segments.subList(i, j), extended));
      } else {
        for (Segment segment : segments.subList(i, j)) {
          plain.add(segment.parameter());
        }
      }
      i = j;
    }
    return plain;
  }

  private static MimeParameter join(List<Segment> series, boolean extended) {
    StringBuilder value = new StringBuilder();
    if (extended && !series.get(0).extended()) {
      value.append("''"); // no charset, no language
    }
    for (Segment segment : series) {
      String part = segment.parameter().value();
      value.append(extended && !segment.extended() ? part.replace("%", "%25") : part);
    }
    String base = series.get(0).base();
    return new MimeParameter(extended ? base + "*" : base, value.toString());
  }

  /** One {@code name*n[*]} or {@code name*} parameter. */
  private record Segment(String base, int index, boolean extended, MimeParameter parameter) {

    static Segment of(MimeParameter parameter) {
      String name = parameter.name();
      int star = name.indexOf('*');
      if (star < 0) {
        return null;
      }
      String base = name.substring(0, star).toLowerCase(Locale.ROOT);
      if (star == name.length() - 1) {
        return new Segment(base, 0, true, parameter); // name*=charset'lang'value
      }
      int p = star + 1;
      int index = 0;
      while (p < name.length() && Character.isDigit(name.charAt(p)) && index < 100_000) {
        index = index * 10 + name.charAt(p++) - '0';
      }
      boolean extended = p < name.length() && name.charAt(p) == '*';
      if (extended) {
        p++;
      }
      if (p != name.length()) {
        return null;
      }
      return new Segment(base, index, extended, parameter);
    }
  }
}
