package dev.yubin.ejb.relay.domain;

import java.util.List;

/**
 * Where mail for one domain goes: the next hops in the order to try them, or why there are none.
 *
 * @param hops the addresses to try in order; empty when there is no route
 * @param failure why there is no route (failed: bounce now; pending: try again later), {@code null}
 *     when routed
 */
public record Route(List<NextHop> hops, RecipientOutcome failure) {

  public Route {
    hops = List.copyOf(hops);
    if (hops.isEmpty() == (failure == null)) {
      throw new IllegalArgumentException("a route has hops or a failure, not both");
    }
  }

  public static Route to(List<NextHop> hops) {
    return new Route(hops, null);
  }

  /** No route, for good ({@code permanent}) or for now, with the enhanced status and the reason. */
  public static Route none(boolean permanent, String status, String reply) {
    return new Route(
        List.of(),
        new RecipientOutcome(
            permanent ? RecipientState.FAILED : RecipientState.PENDING, status, reply, null));
  }

  public boolean isRouted() {
    return failure == null;
  }
}
