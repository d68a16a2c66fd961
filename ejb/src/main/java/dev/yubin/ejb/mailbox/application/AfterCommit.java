package dev.yubin.ejb.mailbox.application;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Collection;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Work kept for the current transaction and done only once it has committed. */
final class AfterCommit {

  private AfterCommit() {}

  /**
   * The current transaction's collection under {@code key}: made with {@code empty} on first use,
   * when {@code action} is registered to take each element after a commit (nothing after a
   * rollback).
   */
  @SuppressWarnings("unchecked")
  static <T, C extends Collection<T>> C collection(
      TransactionSynchronizationRegistry transactions,
      Object key,
      Supplier<C> empty,
      Consumer<T> action) {
    C existing = (C) transactions.getResource(key);
    if (existing != null) {
      return existing;
    }
    C created = empty.get();
    transactions.putResource(key, created);
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              created.forEach(action);
            }
          }
        });
    return created;
  }
}
