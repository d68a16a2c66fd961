package dev.yubin.web.interfaces.admin.rest;

import dev.yubin.ejb.accounts.application.AccountService;
import dev.yubin.ejb.platform.infrastructure.persistence.DatabaseDurability;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Accounts: list and add, set the quota ({@code {"bytes": N}}, null for no limit). Passwords are
 * hashed on the way in and never returned.
 */
@Admin
@Path("admin/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UserResource {

  /** The body of a POST. */
  public static class NewUser {
    public String address;
    public String password;
  }

  @Inject AccountService accounts;
  @Inject DatabaseDurability durability;

  @GET
  public List<String> list() {
    return accounts.users();
  }

  @POST
  public Response add(NewUser request) {
    if (request == null || request.address == null || request.password == null) {
      return Problems.badRequest("address and password are required");
    }
    try {
      String address = accounts.addUser(request.address, request.password).getAddress();
      durability.sync();
      return Response.status(Response.Status.CREATED).entity(Map.of("address", address)).build();
    } catch (IllegalArgumentException e) {
      return Problems.badRequest(e.getMessage());
    }
  }

  @PUT
  @Path("{address}/quota")
  public Response setQuota(@PathParam("address") String address, String body) {
    if (accounts.find(address).isEmpty()) {
      return Problems.notFound("no such account: " + address);
    }
    try {
      Optional<Long> bytes = JsonBody.parse(body).countOrNull("bytes");
      String account = accounts.setQuota(address, bytes.orElse(null));
      durability.sync();
      Map<String, Object> result = new HashMap<>();
      result.put("address", account);
      result.put("bytes", bytes.orElse(null));
      return Response.ok(result).build();
    } catch (JsonBody.BadInput | IllegalArgumentException e) {
      return Problems.badRequest(e.getMessage());
    }
  }
}
