package dev.yubin.ejb.it.filterchain;

import dev.yubin.api.FilterResult;
import dev.yubin.api.FilteredMessage;
import dev.yubin.api.MailFilter;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A mail filter for FilterChainIT, inert unless a message carries {@value #HEADER}: then it throws,
 * overruns the time limit, rejects, or adds a header, as the field says.
 */
@ApplicationScoped
public class ScriptedFilter implements MailFilter {

  public static final String HEADER = "X-It-Filter";

  @Override
  public FilterResult filter(FilteredMessage message) throws Exception {
    String script = message.headers().first(HEADER).orElse("").trim();
    switch (script) {
      case "throw" -> throw new IllegalStateException("scripted failure");
      case "overrun" -> Thread.sleep(60_000); // the overrun under test, cut short by the limit
      case "reject" -> {
        return FilterResult.reject(550, "5.7.1", "scripted rejection");
      }
      case "tag" -> message.headers().add("X-It-Filtered", "yes");
      default -> {
        // not a message for this filter
      }
    }
    return FilterResult.proceed();
  }
}
