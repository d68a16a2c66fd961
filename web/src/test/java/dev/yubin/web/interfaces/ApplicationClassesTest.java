package dev.yubin.web.interfaces;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.yubin.web.interfaces.admin.rest.AdminApplication;
import dev.yubin.web.interfaces.webmail.WebmailApplication;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Each JAX-RS application of the war lists its classes, so that neither serves the other's (the
 * admin API would otherwise serve webmail's controllers without its CSRF settings). Every resource
 * and provider of a package must be in its application's list.
 */
class ApplicationClassesTest {

  @Test
  void adminApplicationListsEveryResourceOfItsPackage() {
    assertListsAll(new AdminApplication(), "dev.yubin.web.interfaces.admin.rest");
  }

  @Test
  void webmailApplicationListsEveryControllerOfItsPackage() {
    assertListsAll(new WebmailApplication(), "dev.yubin.web.interfaces.webmail");
  }

  private static void assertListsAll(Application application, String packageName) {
    Set<String> annotated =
        new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(packageName)
                .stream()
                .filter(c -> c.getPackageName().equals(packageName))
                .filter(c -> c.isAnnotatedWith(Path.class) || c.isAnnotatedWith(Provider.class))
                .map(JavaClass::getName)
                .collect(Collectors.toSet());
    Set<String> listed =
        application.getClasses().stream().map(Class::getName).collect(Collectors.toSet());
    assertThat(annotated).isNotEmpty();
    assertThat(listed).isEqualTo(annotated);
  }
}
