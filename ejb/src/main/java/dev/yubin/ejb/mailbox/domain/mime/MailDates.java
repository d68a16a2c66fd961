package dev.yubin.ejb.mailbox.domain.mime;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a Date header leniently: RFC 5322 §3.3 with its obsolete forms (two- and three-digit years,
 * zone names, comments, missing seconds) and the asctime order ({@code Mon Feb 7 21:52:25 1994})
 * that old mailers write. A missing zone is read as UTC.
 */
final class MailDates {

  private static final String[] MONTHS = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"
  };

  /** RFC 5322 §4.3 zone names; military letters other than Z mean -0000 (unknown). */
  private static final Map<String, Integer> ZONES =
      Map.ofEntries(
          Map.entry("ut", 0),
          Map.entry("utc", 0),
          Map.entry("gmt", 0),
          Map.entry("z", 0),
          Map.entry("est", -5 * 60),
          Map.entry("edt", -4 * 60),
          Map.entry("cst", -6 * 60),
          Map.entry("cdt", -5 * 60),
          Map.entry("mst", -7 * 60),
          Map.entry("mdt", -6 * 60),
          Map.entry("pst", -8 * 60),
          Map.entry("pdt", -7 * 60));

  private MailDates() {}

  /**
   * The date and time a Date value names, with the field's own offset (its calendar day is what
   * SENTON and friends compare), or null when it does not parse.
   */
  static OffsetDateTime parse(String value) {
    if (value == null) {
      return null;
    }
    String text = withoutComments(value).toLowerCase(Locale.ROOT);
    int day = -1;
    int month = -1;
    int year = -1;
    int[] time = null;
    Integer zone = null;
    for (String token : text.split("[\\s,]+")) {
      if (token.isEmpty()) {
        continue;
      }
      if (token.indexOf(':') > 0 && time == null) {
        time = time(token);
        if (time == null) {
          return null;
        }
      } else if ((token.startsWith("+") || token.startsWith("-")) && token.length() == 5) {
        zone = offset(token);
      } else if (Character.isDigit(token.charAt(0))) {
        if (!token.chars().allMatch(Character::isDigit) || token.length() > 4) {
          return null;
        }
        int n = Integer.parseInt(token);
        if (day < 0 && token.length() <= 2 && n >= 1 && n <= 31) {
          day = n;
        } else if (year < 0) {
          year =
              token.length() == 2
                  ? (n < 50 ? 2000 + n : 1900 + n)
                  : token.length() == 3 ? 1900 + n : n;
        } else {
          return null;
        }
      } else if (month < 0 && token.length() >= 3 && monthOf(token) >= 0) {
        month = monthOf(token);
      } else if (zone == null && ZONES.containsKey(token)) {
        zone = ZONES.get(token);
      } else if (zone == null && token.length() == 1 && Character.isLetter(token.charAt(0))) {
        zone = 0; // military zone: RFC 5322 §4.3 says treat as -0000
      }
      // day names and other words are skipped
    }
    if (day < 0 || month < 0 || year < 0 || time == null) {
      return null;
    }
    try {
      int leap = time[2] == 60 ? 1 : 0; // a leap second: the next minute
      LocalDateTime local =
          LocalDateTime.of(year, month + 1, day, time[0], time[1], time[2] - leap);
      return local
          .atOffset(ZoneOffset.ofTotalSeconds((zone == null ? 0 : zone) * 60))
          .plusSeconds(leap);
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static int monthOf(String token) {
    for (int i = 0; i < MONTHS.length; i++) {
      if (token.startsWith(MONTHS[i])) {
        return i;
      }
    }
    return -1;
  }

  private static int[] time(String token) {
    String[] parts = token.split(":");
    if (parts.length < 2 || parts.length > 3) {
      return null;
    }
    int[] time = new int[3];
    for (int i = 0; i < parts.length; i++) {
      if (parts[i].isEmpty()
          || parts[i].length() > 2
          || !parts[i].chars().allMatch(Character::isDigit)) {
        return null;
      }
      time[i] = Integer.parseInt(parts[i]);
    }
    return time[0] <= 23 && time[1] <= 59 && time[2] <= 60 ? time : null;
  }

  private static Integer offset(String token) {
    String digits = token.substring(1);
    if (!digits.chars().allMatch(Character::isDigit)) {
      return null;
    }
    int hours = Integer.parseInt(digits.substring(0, 2));
    int minutes = Integer.parseInt(digits.substring(2));
    if (hours > 18 || minutes > 59) {
      return null;
    }
    int total = hours * 60 + minutes;
    return token.charAt(0) == '-' ? -total : total;
  }

  private static String withoutComments(String value) {
    StringBuilder out = new StringBuilder(value.length());
    int depth = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')' && depth > 0) {
        depth--;
      } else if (depth == 0) {
        out.append(c);
      }
    }
    return out.toString();
  }
}
