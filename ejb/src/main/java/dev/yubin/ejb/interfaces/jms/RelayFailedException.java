package dev.yubin.ejb.interfaces.jms;

import jakarta.ejb.ApplicationException;

/**
 * Thrown by {@link RelayQueueListener} when {@code RelayWork} failed and the broker's adapter
 * redelivers on an exception rather than on a rollback (OpenMQ's {@code jmsra}, docs/adr/0007).
 *
 * <p>An application exception that rolls the delivery's transaction back: the container passes it
 * to the adapter as it is and keeps the bean instance, where a system exception would discard the
 * instance and log it as a container failure.
 */
@ApplicationException(rollback = true)
class RelayFailedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  RelayFailedException(String queueId, Throwable cause) {
    super("relay queue: processing " + queueId + " failed", cause);
  }
}
