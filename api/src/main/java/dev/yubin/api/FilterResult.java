package dev.yubin.api;

import java.util.Objects;

/**
 * A filter's decision, in the spirit of James hooks and Haraka plugins: continue with the next
 * filter, reject permanently (5xx), or defer (4xx, the client retries later).
 *
 * @param action what happens to the message
 * @param code the SMTP reply code for REJECT (5xx) and DEFER (4xx); 0 for CONTINUE
 * @param status the enhanced status code (RFC 3463), e.g. {@code 5.7.1}
 * @param text the reply text the client sees
 */
public record FilterResult(Action action, int code, String status, String text) {

  /** What happens to the message. */
  public enum Action {
    CONTINUE,
    REJECT,
    DEFER
  }

  private static final FilterResult CONTINUE = new FilterResult(Action.CONTINUE, 0, "", "");

  public FilterResult {
    Objects.requireNonNull(action);
    Objects.requireNonNull(status);
    Objects.requireNonNull(text);
    if (action == Action.REJECT && (code < 500 || code > 599)) {
      throw new IllegalArgumentException("a rejection needs a 5xx code");
    }
    if (action == Action.DEFER && (code < 400 || code > 499)) {
      throw new IllegalArgumentException("a deferral needs a 4xx code");
    }
    if (text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("reply text must be one line");
    }
  }

  /** Lets the message go on to the next filter. */
  public static FilterResult proceed() {
    return CONTINUE;
  }

  /** Refuses the message permanently, e.g. {@code reject(554, "5.7.1", "Spam")}. */
  public static FilterResult reject(int code, String status, String text) {
    return new FilterResult(Action.REJECT, code, status, text);
  }

  /** Refuses the message for now: {@code 451 4.7.1 text}. */
  public static FilterResult defer(String text) {
    return new FilterResult(Action.DEFER, 451, "4.7.1", text);
  }
}
