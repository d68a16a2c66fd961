package dev.yubin.web.interfaces.webmail;

import java.util.Locale;

/** Octet counts for people: 512 B, 1.5 KB, 12 MB (powers of 1024). */
final class Sizes {

  private Sizes() {}

  static String human(long octets) {
    if (octets < 1024) {
      return octets + " B";
    }
    String[] units = {"KB", "MB", "GB", "TB"};
    double value = octets;
    int unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, value < 10 ? "%.1f %s" : "%.0f %s", value, units[unit]);
  }
}
