package dev.yubin.web.interfaces.admin.rest;

import dev.yubin.ejb.accounts.application.Addressing;
import dev.yubin.ejb.accounts.application.addressing.Alias;
import dev.yubin.ejb.platform.infrastructure.persistence.DatabaseDurability;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/**
 * Aliases: list, create or replace ({@code {"address":..., "targets":[...]}}), remove. Targets are
 * local addresses (accounts, other aliases) or addresses in other domains.
 */
@Admin
@Path("admin/aliases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AliasResource {

  @Inject Addressing addressing;
  @Inject DatabaseDurability durability;

  @GET
  public List<Map<String, Object>> list() {
    return addressing.aliases().stream().map(AliasResource::json).toList();
  }

  /** 201 when created, 200 when the alias existed and its targets were replaced. */
  @POST
  public Response put(String body) {
    try {
      JsonBody request = JsonBody.parse(body);
      String address = request.string("address");
      boolean created = addressing.putAlias(address, request.strings("targets"));
      durability.sync();
      Alias alias = addressing.alias(address).orElseThrow();
      return Response.status(created ? Response.Status.CREATED : Response.Status.OK)
          .entity(json(alias))
          .build();
    } catch (JsonBody.BadInput | IllegalArgumentException e) {
      return Problems.badRequest(e.getMessage());
    }
  }

  @DELETE
  @Path("{address}")
  public Response remove(@PathParam("address") String address) {
    if (!addressing.removeAlias(address)) {
      return Problems.notFound("no such alias: " + address);
    }
    durability.sync();
    return Response.noContent().build();
  }

  private static Map<String, Object> json(Alias alias) {
    return Map.of("address", alias.address(), "targets", alias.targets());
  }
}
