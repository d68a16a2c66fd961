package dev.yubin.web.interfaces.admin.rest;

import dev.yubin.ejb.application.AccountService;
import dev.yubin.ejb.infrastructure.persistence.DatabaseDurability;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** Local domains: list and add. */
@Path("admin/domains")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DomainResource {

  /** The body of a POST. */
  public static class NewDomain {
    public String name;
  }

  @Inject AccountService accounts;
  @Inject DatabaseDurability durability;

  @GET
  public List<String> list() {
    return accounts.domains();
  }

  @POST
  public Response add(NewDomain request) {
    if (request == null || request.name == null) {
      return Problems.badRequest("name is required");
    }
    try {
      boolean added = accounts.addDomain(request.name);
      durability.sync();
      return Response.status(added ? Response.Status.CREATED : Response.Status.OK)
          .entity(Map.of("name", request.name, "created", added))
          .build();
    } catch (IllegalArgumentException e) {
      return Problems.badRequest(e.getMessage());
    }
  }
}
