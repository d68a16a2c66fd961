package dev.yubin.ejb.relay.application;

/** The broker did not take an announcement. The queue entry itself is unaffected. */
public class RelayQueueException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public RelayQueueException(String message, Throwable cause) {
    super(message, cause);
  }
}
