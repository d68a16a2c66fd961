package dev.yubin.ejb.relay.application;

import dev.yubin.ejb.relay.domain.Route;

/**
 * Port: where mail for a domain goes next (RFC 5321 §5: MX, then the domain's own A/AAAA; never
 * back to us, never to internal addresses unless allowed, at most the configured number of
 * addresses). Never throws for DNS trouble: it is the route's failure.
 */
public interface NextHops {

  /**
   * @param domain a recipient domain (U-labels allowed) or an address literal
   */
  Route resolve(String domain);
}
