package dev.yubin.ejb.submission.application.filter;

import dev.yubin.api.FilterResult;
import dev.yubin.api.FilteredMessage;
import dev.yubin.api.HeaderFields;
import dev.yubin.api.MailFilter;
import dev.yubin.ejb.kernel.MailDate;
import dev.yubin.ejb.platform.config.YubinSettings;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.ZonedDateTime;
import java.util.HexFormat;

/**
 * Message submission rules (RFC 6409 §8): a submitted message without Message-ID or Date gets one,
 * and its Bcc field is removed so that no recipient sees the blind copies (the recipients stay in
 * the envelope). Mail arriving by MX is left as it is.
 */
@ApplicationScoped
@Priority(100)
public class SubmissionHeaderFilter implements MailFilter {

  private final SecureRandom random = new SecureRandom();

  @Inject YubinSettings settings;

  @Override
  public FilterResult filter(FilteredMessage message) {
    if (!message.submission()) {
      return FilterResult.proceed();
    }
    HeaderFields headers = message.headers();
    headers.remove("Bcc");
    if (!headers.contains("Message-ID")) {
      headers.add("Message-ID", messageId());
    }
    if (!headers.contains("Date")) {
      headers.add("Date", MailDate.FORMAT.format(ZonedDateTime.now()));
    }
    return FilterResult.proceed();
  }

  private String messageId() {
    byte[] bytes = new byte[12];
    random.nextBytes(bytes);
    return "<"
        + Long.toString(System.currentTimeMillis(), 36)
        + "."
        + HexFormat.of().formatHex(bytes)
        + "@"
        + settings.hostname()
        + ">";
  }
}
