package dev.yubin.api;

/**
 * Looks at one message between the end of DATA and its storage, and decides. Filters run in
 * priority order; the first that rejects or defers ends the chain. A filter that throws, or runs
 * longer than the configured limit, defers the message (the client gets a 4xx and retries): a
 * broken filter never loses mail.
 *
 * <p>Implementations are application-scoped and called concurrently: keep them free of per-message
 * state.
 */
@FunctionalInterface
public interface MailFilter {

  /** Decides on one message; may change it through {@code message}. */
  FilterResult filter(FilteredMessage message) throws Exception;
}
