package dev.yubin.web.interfaces.webmail;

import jakarta.enterprise.context.RequestScoped;
import jakarta.mvc.Controller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** Logging out, and choosing the interface's language (kept in a cookie for a year). */
@Controller
@Path("session")
@RequestScoped
public class SessionController {

  static final int YEAR = 365 * 24 * 3600;

  @Context HttpServletRequest request;
  @Context HttpServletResponse response;

  @POST
  @Path("logout")
  public Response logout() {
    SignedIn.signOut(request);
    return to("/login?out");
  }

  @POST
  @Path("language")
  public Response language(@FormParam("lang") String language) {
    if (language != null && WebmailLocale.LANGUAGES.contains(language)) {
      jakarta.servlet.http.Cookie cookie =
          new jakarta.servlet.http.Cookie(WebmailLocale.COOKIE, language);
      cookie.setPath(request.getContextPath() + WebmailApplication.PATH);
      cookie.setMaxAge(YEAR);
      cookie.setHttpOnly(true);
      cookie.setSecure(request.isSecure());
      cookie.setAttribute("SameSite", "Strict");
      response.addCookie(cookie);
    }
    return to(SignedIn.account(request) == null ? "/login" : "/");
  }

  private Response to(String path) {
    return Response.seeOther(URI.create(request.getContextPath() + WebmailApplication.PATH + path))
        .build();
  }
}
