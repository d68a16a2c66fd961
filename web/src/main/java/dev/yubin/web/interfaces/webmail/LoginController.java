package dev.yubin.web.interfaces.webmail;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * The login page and the login: the account's address and password, throttled as every other login
 * ({@link WebmailLogins}); success replaces the session (a new id and CSRF token).
 */
@Controller
@Path("login")
@RequestScoped
public class LoginController {

  static final String VIEW = "login.xhtml";

  @Inject Models models;
  @Inject WebmailLogins logins;
  @Context HttpServletRequest request;

  @GET
  public Response page(@QueryParam("expired") String expired, @QueryParam("out") String out) {
    if (SignedIn.account(request) != null) {
      return home();
    }
    if (expired != null) {
      models.put("notice", "login.expired");
    } else if (out != null) {
      models.put("notice", "login.signedOut");
    }
    return Response.ok(VIEW).build();
  }

  @POST
  public Response login(
      @FormParam("address") String address, @FormParam("password") String password) {
    WebmailLogins.Login login = logins.login(request.getRemoteAddr(), address, password);
    if (login.outcome() == WebmailLogins.Outcome.ACCEPTED) {
      SignedIn.signIn(request, login.account());
      return home();
    }
    models.put("address", address);
    return switch (login.outcome()) {
      case BLOCKED -> failed(Response.Status.TOO_MANY_REQUESTS, "login.blocked");
      case BUSY -> failed(Response.Status.SERVICE_UNAVAILABLE, "login.busy");
      default -> failed(Response.Status.UNAUTHORIZED, "login.rejected");
    };
  }

  private Response failed(Response.Status status, String error) {
    models.put("error", error);
    return Response.status(status).entity(VIEW).build();
  }

  private Response home() {
    return Response.seeOther(URI.create(request.getContextPath() + WebmailApplication.PATH + "/"))
        .build();
  }
}
