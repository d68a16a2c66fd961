package dev.yubin.web.interfaces.webmail;

import jakarta.servlet.ServletContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;

/** The style sheet, the one static file of webmail (served here, since /mail/* is ours). */
@Path("static")
public class StaticController {

  @Context ServletContext servletContext;

  @GET
  @Path("mail.css")
  public Response css() {
    InputStream css = servletContext.getResourceAsStream("/WEB-INF/static/mail.css");
    if (css == null) {
      throw new NotFoundException();
    }
    return Response.ok(css, "text/css; charset=UTF-8")
        .header("Cache-Control", "public, max-age=3600")
        .build();
  }
}
