package dev.yubin.ejb.interfaces.jms;

import dev.yubin.ejb.relay.application.RelayWork;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * Calls {@link RelayWork} outside the listener's JTA transaction ({@code NOT_SUPPORTED}), so that
 * transaction holds nothing but the broker's acknowledgement (committed in one phase) and the
 * relay's database work is never in an XA transaction with the broker.
 */
@Stateless
@LocalBean
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RelayWorkInvoker {

  @Inject Instance<RelayWork> work;

  /**
   * Processes {@code queueId}; false when no {@code RelayWork} is deployed.
   *
   * @throws RuntimeException whatever {@code RelayWork} threw (wrapped in an {@code EJBException})
   */
  public boolean process(String queueId) {
    if (work.isUnsatisfied()) {
      return false;
    }
    work.get().process(queueId);
    return true;
  }
}
