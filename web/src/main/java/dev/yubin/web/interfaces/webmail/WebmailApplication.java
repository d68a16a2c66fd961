package dev.yubin.web.interfaces.webmail;

import jakarta.mvc.security.Csrf;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import java.util.Set;

/**
 * Mounts the webmail controllers under {@code /mail}. Every POST must carry the session's CSRF
 * token (Krazo 3.0.1 checks only {@code @CsrfProtected} methods by default). The classes are
 * listed, so the admin API's resources are not also served here.
 */
@ApplicationPath(WebmailApplication.PATH)
public class WebmailApplication extends Application {

  public static final String PATH = "/mail";

  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(
        LoginController.class,
        SessionController.class,
        WebmailHeaders.class,
        MailboxController.class,
        MessageController.class,
        StaticController.class);
  }

  @Override
  public Map<String, Object> getProperties() {
    return Map.of(Csrf.CSRF_PROTECTION, Csrf.CsrfOptions.IMPLICIT);
  }
}
