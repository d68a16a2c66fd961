package dev.yubin.web.interfaces.errors;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The container's error page (web.xml): {@code {"error":"not found"}} and the like instead of the
 * server's HTML report, which names the product and its version and may show an exception chain.
 * Under {@code /mail/} the answer is a small page for people ({@link WebmailErrorPage}).
 */
@WebServlet(ErrorPage.PATH)
public class ErrorPage extends HttpServlet {

  static final String PATH = "/error";

  private static final long serialVersionUID = 1L;

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer given ? given : HttpServletResponse.SC_NOT_FOUND;
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    if (uri instanceof String path && WebmailErrorPage.covers(request.getContextPath(), path)) {
      WebmailErrorPage.write(request, response, status);
      return;
    }
    Response.Status known = Response.Status.fromStatusCode(status);
    String reason =
        status >= 500 || known == null
            ? "internal error"
            : known.getReasonPhrase().toLowerCase(Locale.ROOT);
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write("{\"error\":\"" + reason + "\"}");
  }
}
