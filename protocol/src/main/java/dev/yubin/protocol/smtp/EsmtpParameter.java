package dev.yubin.protocol.smtp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One parameter of MAIL or RCPT.
 *
 * <pre>
 * esmtp-param   = esmtp-keyword ["=" esmtp-value]        RFC 5321 §4.1.2
 * esmtp-keyword = (ALPHA / DIGIT) *(ALPHA / DIGIT / "-")
 * esmtp-value   = 1*(%d33-60 / %d62-126)
 * </pre>
 *
 * @param keyword the keyword in upper case
 * @param value the value, or null if there is none
 * @see "RFC 5321 §4.1.2"
 */
record EsmtpParameter(String keyword, String value) {

  private static final Pattern PARAMETER =
      Pattern.compile("([A-Za-z0-9][A-Za-z0-9-]*)(=([\\x21-\\x3c\\x3e-\\x7e]+))?");

  /** Parses {@code esmtp-param *(SP esmtp-param)}; empty on a syntax error. */
  static Optional<List<EsmtpParameter>> parseAll(String text) {
    List<EsmtpParameter> parameters = new ArrayList<>();
    if (text.isBlank()) {
      return Optional.of(parameters);
    }
    for (String token : text.strip().split(" +")) {
      var matcher = PARAMETER.matcher(token);
      if (!matcher.matches()) {
        return Optional.empty();
      }
      parameters.add(
          new EsmtpParameter(matcher.group(1).toUpperCase(Locale.ROOT), matcher.group(3)));
    }
    return Optional.of(parameters);
  }
}
