package dev.yubin.web.interfaces.webmail;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;

/**
 * The door of webmail: without a signed-in session only the login page, the language switch and the
 * style sheet answer; anything else is sent to the login page, which says when a session has
 * expired. (The controllers' responses get their security headers from {@link WebmailHeaders}.)
 */
@WebFilter(WebmailApplication.PATH + "/*")
public class WebmailFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  private static final Set<String> OPEN = Set.of("/login", "/session/language", "/static/mail.css");

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String inApp = path.substring(Math.min(path.length(), WebmailApplication.PATH.length()));
    if (OPEN.contains(inApp) || SignedIn.account(request) != null) {
      chain.doFilter(request, response);
      return;
    }
    boolean expired = request.getRequestedSessionId() != null;
    WebmailHeaders.DEFAULTS.forEach(response::setHeader);
    response.setStatus(HttpServletResponse.SC_SEE_OTHER);
    response.setHeader(
        "Location",
        request.getContextPath()
            + WebmailApplication.PATH
            + "/login"
            + (expired ? "?expired" : ""));
  }
}
