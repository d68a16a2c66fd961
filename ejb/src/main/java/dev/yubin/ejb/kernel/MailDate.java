package dev.yubin.ejb.kernel;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How mail writes a point in time. */
public final class MailDate {

  /** RFC 5322 §3.3 date-time with a numeric zone, e.g. {@code Fri, 27 Nov 2026 06:00:00 +0000}. */
  public static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ENGLISH);

  private MailDate() {}
}
