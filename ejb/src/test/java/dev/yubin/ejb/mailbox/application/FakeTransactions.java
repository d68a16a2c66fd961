package dev.yubin.ejb.mailbox.application;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One transaction at a time, ended by the test with {@link #commit} or {@link #rollback}. */
class FakeTransactions implements TransactionSynchronizationRegistry {

  private final Map<Object, Object> resources = new HashMap<>();
  private final List<Synchronization> synchronizations = new ArrayList<>();
  private boolean rollbackOnly;

  void commit() {
    end(rollbackOnly ? Status.STATUS_ROLLEDBACK : Status.STATUS_COMMITTED);
  }

  void rollback() {
    end(Status.STATUS_ROLLEDBACK);
  }

  private void end(int status) {
    List<Synchronization> ending = List.copyOf(synchronizations);
    synchronizations.clear();
    resources.clear();
    rollbackOnly = false;
    ending.forEach(Synchronization::beforeCompletion);
    ending.forEach(s -> s.afterCompletion(status));
  }

  @Override
  public Object getTransactionKey() {
    return this;
  }

  @Override
  public void putResource(Object key, Object value) {
    resources.put(key, value);
  }

  @Override
  public Object getResource(Object key) {
    return resources.get(key);
  }

  @Override
  public void registerInterposedSynchronization(Synchronization sync) {
    synchronizations.add(sync);
  }

  @Override
  public int getTransactionStatus() {
    return Status.STATUS_ACTIVE;
  }

  @Override
  public void setRollbackOnly() {
    rollbackOnly = true;
  }

  @Override
  public boolean getRollbackOnly() {
    return rollbackOnly;
  }
}
