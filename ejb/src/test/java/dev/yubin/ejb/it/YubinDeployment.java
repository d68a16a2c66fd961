package dev.yubin.ejb.it;

import dev.yubin.ejb.config.YubinSettings;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.Filter;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.ByteArrayAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jboss.shrinkwrap.resolver.api.maven.Maven;

/**
 * The test war: every class of the ejb module and of these tests (whole packages), the module's
 * resources (persistence unit, beans.xml, configuration defaults, migrations), and its runtime
 * libraries. The protocol classes are not in it: they come from the adapter deployed before it.
 */
final class YubinDeployment {

  private YubinDeployment() {}

  static WebArchive create(String name) {
    WebArchive war =
        ShrinkWrap.create(WebArchive.class, name + ".war")
            .addPackages(true, notAUnitTest(), "dev.yubin.ejb")
            .addAsLibraries(runtimeLibraries())
            .addAsLibraries(
                Maven.resolver()
                    .loadPomFromFile("pom.xml")
                    .resolve("org.assertj:assertj-core")
                    .withoutTransitivity()
                    .asFile());
    addMainResources(war);
    return war;
  }

  /** Flyway and whatever else the module needs at run time, as the pom says. */
  private static File[] runtimeLibraries() {
    return Maven.resolver()
        .loadPomFromFile("pom.xml")
        .importCompileAndRuntimeDependencies()
        .resolve()
        .withTransitivity()
        .asFile();
  }

  /** Unit tests of the module may share its packages; they do not belong in the server. */
  private static Filter<ArchivePath> notAUnitTest() {
    return path -> !path.get().matches(".*Tests?(\\$.*)?\\.class");
  }

  /** Every non-class file of the module's main output, at the same path under WEB-INF/classes. */
  private static void addMainResources(WebArchive war) {
    Path root = mainOutput();
    try {
      if (Files.isDirectory(root)) {
        try (Stream<Path> files = Files.walk(root)) {
          for (Path file : files.filter(Files::isRegularFile).toList()) {
            addResource(
                war, root.relativize(file).toString().replace(File.separatorChar, '/'), file);
          }
        }
      } else {
        try (JarFile jar = new JarFile(root.toFile())) {
          for (var entry : jar.stream().filter(e -> !e.isDirectory()).toList()) {
            try (var in = jar.getInputStream(entry)) {
              if (isResource(entry.getName())) {
                war.addAsResource(new ByteArrayAsset(in.readAllBytes()), entry.getName());
              }
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void addResource(WebArchive war, String name, Path file) {
    if (isResource(name)) {
      war.addAsResource(file.toFile(), name);
    }
  }

  private static boolean isResource(String name) {
    return !name.endsWith(".class")
        && !name.equals("META-INF/MANIFEST.MF")
        && !name.startsWith("META-INF/maven/");
  }

  /** target/classes, or the ejb jar when failsafe runs against the packaged module. */
  private static Path mainOutput() {
    try {
      return Path.of(
          YubinSettings.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
