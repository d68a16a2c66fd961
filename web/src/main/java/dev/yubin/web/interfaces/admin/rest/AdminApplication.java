package dev.yubin.web.interfaces.admin.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * Mounts the REST resources under /api. The classes are listed: without the list Jersey would also
 * serve webmail's controllers here, outside webmail's CSRF settings (ApplicationClassesTest keeps
 * the list complete).
 */
@ApplicationPath("/api")
public class AdminApplication extends Application {

  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(
        AdminAuthFilter.class,
        ExceptionResponses.class,
        HealthResource.class,
        DomainResource.class,
        UserResource.class,
        AliasResource.class,
        QueueResource.class);
  }
}
