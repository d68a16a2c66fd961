package dev.yubin.protocol.imap;

import dev.yubin.protocol.imap.wire.ImapSyntaxException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * IMAP's date formats: {@code date-time} ("dd-Mon-yyyy hh:mm:ss +zzzz", day space-padded in
 * responses) and {@code date} ("d-Mon-yyyy").
 *
 * @see "RFC 3501 §9"
 */
final class DateTimes {

  private static final DateTimeFormatter DATE_TIME_OUT =
      DateTimeFormatter.ofPattern("dd-MMM-yyyy HH:mm:ss Z", Locale.ROOT);
  private static final DateTimeFormatter DATE_TIME_IN =
      DateTimeFormatter.ofPattern("d-MMM-yyyy HH:mm:ss Z", Locale.ROOT);
  private static final DateTimeFormatter DATE_IN =
      DateTimeFormatter.ofPattern("d-MMM-yyyy", Locale.ROOT);

  private DateTimes() {}

  /** The INTERNALDATE form, e.g. {@code 17-Jul-1996 02:44:25 -0700}. */
  static String format(OffsetDateTime time) {
    String text = DATE_TIME_OUT.format(time);
    return text.charAt(0) == '0' ? " " + text.substring(1) : text;
  }

  static OffsetDateTime parseDateTime(String text) {
    try {
      return OffsetDateTime.parse(capitalizeMonth(text.strip()), DATE_TIME_IN);
    } catch (DateTimeParseException e) {
      throw new ImapSyntaxException("invalid date-time: " + text);
    }
  }

  static LocalDate parseDate(String text) {
    try {
      return LocalDate.parse(capitalizeMonth(text), DATE_IN);
    } catch (DateTimeParseException e) {
      throw new ImapSyntaxException("invalid date: " + text);
    }
  }

  /** Month names are case-insensitive on the wire; the formatter wants "Jan". */
  private static String capitalizeMonth(String text) {
    int dash = text.indexOf('-');
    if (dash < 0 || dash + 4 > text.length()) {
      return text;
    }
    String month = text.substring(dash + 1, dash + 4);
    String fixed =
        month.substring(0, 1).toUpperCase(Locale.ROOT)
            + month.substring(1).toLowerCase(Locale.ROOT);
    return text.substring(0, dash + 1) + fixed + text.substring(dash + 4);
  }
}
