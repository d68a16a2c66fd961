package dev.yubin.web.interfaces.webmail;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/**
 * The security headers of every webmail response, unless the response set its own (a part, a washed
 * HTML document): a Content-Security-Policy without any script, our own styles and images, frames
 * only of our own and no framing by anyone; no sniffing, no caching, no referrer.
 */
@Provider
public class WebmailHeaders implements ContainerResponseFilter {

  static final String PAGE_POLICY =
      "default-src 'none'; style-src 'self'; img-src 'self'; frame-src 'self'; form-action 'self';"
          + " base-uri 'none'; frame-ancestors 'none'";

  static final Map<String, String> DEFAULTS =
      Map.of(
          "Content-Security-Policy", PAGE_POLICY,
          "X-Content-Type-Options", "nosniff",
          "Referrer-Policy", "no-referrer",
          "Cache-Control", "no-store");

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    DEFAULTS.forEach(
        (name, value) -> {
          if (!response.getHeaders().containsKey(name)) {
            response.getHeaders().putSingle(name, value);
          }
        });
  }
}
