package dev.yubin.ejb.reports.domain;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The human-readable first part of a report, in the manner of Postfix's bounce text: what happened,
 * then one paragraph per recipient with the reply that decided it. UTF-8, lines wrapped.
 */
final class NotificationText {

  private static final int WRAP_AT = 76;

  /** A cut inside a word keeps lines far below 998 octets even at 4 octets a character. */
  private static final int MAX_WORD = 200;

  private NotificationText() {}

  /**
   * The text, CRLF line ends.
   *
   * @param returned what of the original follows: {@code FULL}, {@code HEADERS}, or {@code
   *     TOO_LARGE} when the message was over the limit and only its header section follows
   */
  static String of(
      NotificationKind kind,
      String hostname,
      List<ReportedRecipient> recipients,
      Returned returned,
      DateTimeFormatter dates,
      ZoneId zone) {
    StringBuilder text = new StringBuilder(1024);
    text.append("This is the mail system at host ").append(hostname).append(".\r\n\r\n");
    switch (kind) {
      case FAILURE -> {
        paragraph(
            text,
            "I'm sorry to have to inform you that your message could not be delivered to one or"
                + " more recipients. "
                + switch (returned) {
                  case FULL -> "It's attached below.";
                  case HEADERS -> "Its header section is attached below.";
                  case TOO_LARGE ->
                      "It was too large to return; its header section is attached" + " below.";
                });
        paragraph(text, "For further assistance, please send mail to postmaster.");
        paragraph(
            text,
            "If you do so, please include this problem report. You can delete your own text from"
                + " the attached returned message.");
      }
      case DELAY -> {
        paragraph(
            text,
            "####### THIS IS A WARNING ONLY. YOU DO NOT NEED TO RESEND YOUR MESSAGE. #######");
        paragraph(
            text,
            "Your message could not be delivered yet to the recipients below. The mail system will"
                + " keep trying until the time given for each; you will be told if it gives up.");
      }
      case SUCCESS ->
          paragraph(
              text,
              "Your message was successfully delivered to the destinations listed below. If the"
                  + " message was delivered to a mailbox you will receive no further notifications."
                  + " Otherwise you may still receive notifications of mail delivery errors from other"
                  + " systems.");
    }
    text.append("                   The mail system\r\n\r\n");
    for (ReportedRecipient r : recipients) {
      String line = "<" + clean(r.address()) + ">: " + detail(r);
      if (r.willRetryUntil() != null) {
        line += " (will retry until " + dates.format(r.willRetryUntil().atZone(zone)) + ")";
      }
      paragraph(text, line);
    }
    text.setLength(text.length() - 2); // one line end before the boundary's, not a blank line
    return text.toString();
  }

  /** What of the original message follows the report. */
  enum Returned {
    FULL,
    HEADERS,
    TOO_LARGE
  }

  private static String detail(ReportedRecipient r) {
    Diagnostic d = r.diagnostic();
    if (d != null && d.isSmtp()) {
      return (r.remoteMta() == null ? "the remote server" : "host " + r.remoteMta())
          + " said: "
          + clean(d.text());
    }
    if (d != null) {
      return clean(d.text());
    }
    return switch (r.action()) {
      case FAILED -> "delivery failed (status " + r.status() + ")";
      case DELAYED -> "delivery deferred (status " + r.status() + ")";
      case DELIVERED -> "delivered (status " + r.status() + ")";
      case RELAYED -> "relayed to a server that sends no delivery notifications";
      case EXPANDED -> "delivered to the members of a list or alias";
    };
  }

  private static String clean(String s) {
    return s.replaceAll("[\\p{Cntrl}]", " ");
  }

  /** The text wrapped at {@value #WRAP_AT}, continuation lines indented, then a blank line. */
  private static void paragraph(StringBuilder out, String text) {
    int lineLength = 0;
    for (String word : text.strip().split(" +")) {
      for (int i = 0; i < word.length(); i += MAX_WORD) {
        String piece = word.substring(i, Math.min(word.length(), i + MAX_WORD));
        if (lineLength > 0 && lineLength + 1 + piece.length() > WRAP_AT) {
          out.append("\r\n    ");
          lineLength = 4;
        } else if (lineLength > 0) {
          out.append(' ');
          lineLength++;
        }
        out.append(piece);
        lineLength += piece.length();
      }
    }
    out.append("\r\n\r\n");
  }
}
