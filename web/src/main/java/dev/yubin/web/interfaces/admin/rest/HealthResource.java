package dev.yubin.web.interfaces.admin.rest;

import dev.yubin.ejb.accounts.application.AccountService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** Liveness and readiness: answers 200 once the database answers. */
@Path("health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

  @Inject AccountService accounts;

  @GET
  public Response health() {
    try {
      accounts.domains();
      return Response.ok(Map.of("status", "UP")).build();
    } catch (RuntimeException e) {
      return Response.status(Response.Status.SERVICE_UNAVAILABLE)
          .entity(Map.of("status", "DOWN"))
          .build();
    }
  }
}
