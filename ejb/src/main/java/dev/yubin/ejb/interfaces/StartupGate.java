package dev.yubin.ejb.interfaces;

import dev.yubin.ejb.platform.application.Readiness;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.InvocationContext;

/**
 * Holds a message endpoint's calls until start-up has finished ({@link Readiness}); put on every
 * message-driven bean with {@code @Interceptors(StartupGate.class)}.
 */
public class StartupGate {

  @Inject Readiness readiness;

  @AroundInvoke
  public Object awaitStartup(InvocationContext call) throws Exception {
    if (!readiness.isReady()) {
      readiness.await();
    }
    return call.proceed();
  }
}
