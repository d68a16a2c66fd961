package dev.yubin.ejb.interfaces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.yubin.ejb.platform.application.Readiness;
import jakarta.interceptor.InvocationContext;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class StartupGateTest {

  private final Readiness readiness = new Readiness();
  private final StartupGate gate = new StartupGate();
  private final AtomicBoolean proceeded = new AtomicBoolean();

  StartupGateTest() {
    gate.readiness = readiness;
  }

  @Test
  void aCallDuringStartUpWaitsUntilStartUpHasFinished() throws Exception {
    CompletableFuture<Object> call = new CompletableFuture<>();
    Thread caller =
        new Thread(
            () -> {
              try {
                call.complete(gate.awaitStartup(invocation()));
              } catch (Exception e) {
                call.completeExceptionally(e);
              }
            });
    caller.start();

    awaitBlockedInReadiness(caller);
    assertThat(call).isNotDone();
    assertThat(proceeded).isFalse();

    readiness.ready();
    assertThat(call.get(5, TimeUnit.SECONDS)).isEqualTo("answered");
    assertThat(proceeded).isTrue();
  }

  /** Until THREAD waits inside {@link Readiness#await}: the call has arrived and is held. */
  private static void awaitBlockedInReadiness(Thread thread) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!(thread.getState() == Thread.State.TIMED_WAITING
        && Arrays.stream(thread.getStackTrace())
            .anyMatch(
                frame ->
                    frame.getClassName().equals(Readiness.class.getName())
                        && frame.getMethodName().equals("await")))) {
      assertThat(System.nanoTime()).as("the call to wait for start-up").isLessThan(deadline);
      Thread.onSpinWait();
    }
  }

  @Test
  void aCallAfterStartUpProceedsAtOnce() throws Exception {
    readiness.ready();

    assertThat(gate.awaitStartup(invocation())).isEqualTo("answered");
  }

  @Test
  void aStartUpThatNeverFinishesFailsTheCallRatherThanHangingIt() {
    assertThatThrownBy(() -> readiness.await(Duration.ofMillis(50)))
        .isInstanceOf(Readiness.NotReadyException.class)
        .hasMessageContaining("starting");
  }

  /** The intercepted call: records that it ran. */
  private InvocationContext invocation() {
    return (InvocationContext)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {InvocationContext.class},
            (proxy, method, args) -> {
              if (method.getName().equals("proceed")) {
                proceeded.set(true);
                return "answered";
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }
}
