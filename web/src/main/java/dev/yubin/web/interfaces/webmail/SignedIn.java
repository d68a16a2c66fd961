package dev.yubin.web.interfaces.webmail;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * Who is signed in: the account's address in the HTTP session. Signing in replaces the session (a
 * new id and a new CSRF token, so nothing seen before login is worth anything after it).
 */
public final class SignedIn {

  static final String ATTRIBUTE = "yubin.webmail.account";

  /** Idle minutes after which a session ends. */
  static final int IDLE_MINUTES = 30;

  private SignedIn() {}

  /** The signed-in account's address, or null. */
  public static String account(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    return session == null ? null : (String) session.getAttribute(ATTRIBUTE);
  }

  static void signIn(HttpServletRequest request, String account) {
    HttpSession old = request.getSession(false);
    if (old != null) {
      old.invalidate();
    }
    HttpSession session = request.getSession(true);
    session.setMaxInactiveInterval(IDLE_MINUTES * 60);
    session.setAttribute(ATTRIBUTE, account);
  }

  static void signOut(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
  }
}
