package dev.yubin.connector;

import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * Turns a message-listener interface into plain calls: each call takes a fresh endpoint from the
 * container (so the MDB method runs in its own transaction), invokes it and releases it.
 */
final class EndpointInvoker implements InvocationHandler {

  private final MessageEndpointFactory factory;

  private EndpointInvoker(MessageEndpointFactory factory) {
    this.factory = factory;
  }

  static <T> T proxy(Class<T> listener, MessageEndpointFactory factory) {
    return listener.cast(
        Proxy.newProxyInstance(
            listener.getClassLoader(), new Class<?>[] {listener}, new EndpointInvoker(factory)));
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    if (method.getDeclaringClass() == Object.class) {
      return switch (method.getName()) {
        case "equals" -> proxy == args[0];
        case "hashCode" -> System.identityHashCode(proxy);
        default -> "EndpointInvoker[" + factory + "]";
      };
    }
    MessageEndpoint endpoint;
    try {
      endpoint = factory.createEndpoint(null);
    } catch (UnavailableException e) {
      throw new IllegalStateException("the mail backend is unavailable", e);
    }
    try {
      return method.invoke(endpoint, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    } finally {
      endpoint.release();
    }
  }
}
