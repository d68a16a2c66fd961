package dev.yubin.ejb.it;

import dev.yubin.ejb.platform.config.YubinSettings;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.Filter;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.ByteArrayAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jboss.shrinkwrap.resolver.api.maven.Maven;

/**
 * A test war: every class of the ejb module, this package (the integration tests and their shared
 * helpers), the packages of test doubles and helper beans that a deployment asks for, the module's
 * resources (persistence unit, beans.xml, configuration defaults, migrations), and its runtime
 * libraries. So a test-only {@code @Alternative} replaces the real bean only in its own test's
 * deployment. The protocol classes are not in it: they come from the adapter deployed before it.
 */
final class YubinDeployment {

  private YubinDeployment() {}

  /**
   * @param doubles whole packages of test doubles or helper beans (under {@code dev.yubin.ejb.it})
   *     this deployment needs
   */
  static WebArchive create(String name, Package... doubles) {
    WebArchive war =
        ShrinkWrap.create(WebArchive.class, name + ".war")
            .addPackages(true, inMainOutput(), "dev.yubin.ejb")
            .addPackage(YubinDeployment.class.getPackage())
            .addAsLibraries(runtimeLibraries())
            .addAsLibraries(
                Maven.resolver()
                    .loadPomFromFile("pom.xml")
                    .resolve("org.assertj:assertj-core")
                    .withoutTransitivity()
                    .asFile());
    for (Package each : doubles) {
      war.addPackages(true, each);
    }
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

  /** Classes of the module itself: its unit tests and their helpers share its packages. */
  private static Filter<ArchivePath> inMainOutput() {
    Set<String> classes = mainClasses();
    return path -> classes.contains(path.get());
  }

  /** The class files of the module's main output, as archive paths ({@code /dev/yubin/...}). */
  private static Set<String> mainClasses() {
    Path root = mainOutput();
    try {
      if (Files.isDirectory(root)) {
        try (Stream<Path> files = Files.walk(root)) {
          return files
              .filter(file -> file.toString().endsWith(".class"))
              .map(file -> "/" + root.relativize(file).toString().replace(File.separatorChar, '/'))
              .collect(Collectors.toSet());
        }
      }
      try (JarFile jar = new JarFile(root.toFile())) {
        return jar.stream()
            .map(entry -> "/" + entry.getName())
            .filter(name -> name.endsWith(".class"))
            .collect(Collectors.toSet());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
