package dev.yubin.web.interfaces.admin.rest;

import dev.yubin.ejb.accounts.application.AccountService;
import dev.yubin.ejb.accounts.application.Addressing;
import dev.yubin.ejb.kernel.DomainName;
import dev.yubin.ejb.platform.infrastructure.persistence.DatabaseDurability;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/**
 * Local domains: list and add; set or clear a domain's catch-all ({@code {"target":...}}). A domain
 * may be given with U-labels or A-labels; it is stored with A-labels and shown with U-labels (the
 * answer to a POST has both, as {@code name} and {@code ascii}).
 */
@Admin
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
  @Inject Addressing addressing;

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
      String ascii = DomainName.toAscii(request.name).orElseThrow();
      return Response.status(added ? Response.Status.CREATED : Response.Status.OK)
          .entity(Map.of("name", DomainName.toUnicode(ascii), "ascii", ascii, "created", added))
          .build();
    } catch (IllegalArgumentException e) {
      return Problems.badRequest(e.getMessage());
    }
  }

  @PUT
  @Path("{name}/catch-all")
  public Response setCatchAll(@PathParam("name") String name, String body) {
    if (!accounts.isLocalDomain(name)) {
      return Problems.notFound("not a local domain: " + name);
    }
    try {
      String target = JsonBody.parse(body).string("target");
      String domain = addressing.setCatchAll(name, target);
      durability.sync();
      return Response.ok(Map.of("name", domain, "catchAll", target)).build();
    } catch (JsonBody.BadInput | IllegalArgumentException e) {
      return Problems.badRequest(e.getMessage());
    }
  }

  @DELETE
  @Path("{name}/catch-all")
  public Response clearCatchAll(@PathParam("name") String name) {
    if (!accounts.isLocalDomain(name)) {
      return Problems.notFound("not a local domain: " + name);
    }
    addressing.setCatchAll(name, null);
    durability.sync();
    return Response.noContent().build();
  }
}
