package dev.yubin.plugins.blocklist;

import dev.yubin.api.FilterResult;
import dev.yubin.api.FilteredMessage;
import dev.yubin.api.MailFilter;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses messages whose envelope sender is listed in {@code yubin.blocklist.senders} with {@code
 * 554 5.7.1}. Runs early (priority 50): there is no point in filtering further.
 */
@ApplicationScoped
@Priority(50)
public class SenderBlocklistFilter implements MailFilter {

  @Inject
  @ConfigProperty(name = "yubin.blocklist.senders")
  Optional<String> senders;

  private SenderBlocklist blocklist;

  @PostConstruct
  void load() {
    blocklist = new SenderBlocklist(senders.orElse(""));
  }

  @Override
  public FilterResult filter(FilteredMessage message) {
    if (blocklist.blocks(message.sender())) {
      return FilterResult.reject(
          554, "5.7.1", "<" + message.sender() + ">: Sender address rejected");
    }
    return FilterResult.proceed();
  }
}
