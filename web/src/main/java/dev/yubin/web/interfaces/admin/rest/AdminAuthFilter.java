package dev.yubin.web.interfaces.admin.rest;

import dev.yubin.ejb.platform.application.AdminCredential;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Guards every {@link Admin} resource. A request must have come in on the admin listener ({@code
 * yubin.admin.port}: HTTPS, on loopback by default), else the API is not there (404). Then it needs
 * HTTP Basic with user {@code admin} and the admin credential; a client address with too many
 * failed logins gets 429 without its password being looked at.
 */
@Admin
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AdminAuthFilter implements ContainerRequestFilter {

  static final String USER = "admin";

  @Inject AdminCredential credential;
  @Inject AdminLoginThrottle throttle;

  @Inject
  @ConfigProperty(name = "yubin.admin.port", defaultValue = "8443")
  int adminPort;

  @Context HttpServletRequest servletRequest;

  @Override
  public void filter(ContainerRequestContext request) {
    if (servletRequest.getLocalPort() != adminPort) {
      request.abortWith(Problems.notFound("not found"));
      return;
    }
    String client = servletRequest.getRemoteAddr();
    if (throttle.isBlocked(client)) {
      request.abortWith(
          Problems.error(
              Response.Status.TOO_MANY_REQUESTS, "too many failed logins, try again later"));
      return;
    }
    Optional<String> password = basicPassword(request.getHeaderString(HttpHeaders.AUTHORIZATION));
    if (password.isPresent() && credential.matches(password.get())) {
      return;
    }
    if (request.getHeaderString(HttpHeaders.AUTHORIZATION) != null) {
      throttle.failed(client); // a missing header is a browser's first try, not a guess
    }
    request.abortWith(
        Response.fromResponse(
                Problems.error(Response.Status.UNAUTHORIZED, "authentication required"))
            .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"yubin-admin\"")
            .build());
  }

  /** The password of an HTTP Basic header for user {@value #USER}; empty for anything else. */
  private static Optional<String> basicPassword(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    int colon = decoded.indexOf(':');
    return colon > 0 && decoded.substring(0, colon).equals(USER)
        ? Optional.of(decoded.substring(colon + 1))
        : Optional.empty();
  }
}
