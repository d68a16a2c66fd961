package dev.yubin.ejb.submission.application.filter;

import dev.yubin.api.FilterResult;
import dev.yubin.api.FilteredMessage;
import dev.yubin.api.MailFilter;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Stops mail loops (RFC 5321 §6.3): a message that already passed more MTAs than {@code
 * yubin.hop-limit} (Received fields; Postfix's {@code hopcount_limit}, 50) is refused with 554
 * 5.4.6 instead of going round again. Runs first.
 */
@ApplicationScoped
@Priority(10)
public class HopLimitFilter implements MailFilter {

  @Inject
  @ConfigProperty(name = "yubin.hop-limit", defaultValue = "50")
  int hopLimit;

  @Override
  public FilterResult filter(FilteredMessage message) {
    int hops = message.headers().all("Received").size();
    if (hops >= hopLimit) {
      return FilterResult.reject(554, "5.4.6", "Too many hops (" + hops + "): mail loop");
    }
    return FilterResult.proceed();
  }
}
