package dev.yubin.ear;

import dev.yubin.ear.probe.RelayProbeServlet;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds {@code relay-probe.war}: {@link RelayProbeServlet} and nothing else. */
final class RelayProbe {

  private RelayProbe() {}

  static Path war(Path workDir) throws IOException {
    String entry = RelayProbeServlet.class.getName().replace('.', '/') + ".class";
    Path classes;
    try {
      classes =
          Path.of(
              RelayProbeServlet.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    Path war = Files.createDirectories(workDir).resolve("relay-probe.war");
    try (OutputStream file = Files.newOutputStream(war);
        ZipOutputStream zip = new ZipOutputStream(file)) {
      zip.putNextEntry(new ZipEntry("WEB-INF/classes/" + entry));
      Files.copy(classes.resolve(entry), zip);
      zip.closeEntry();
    }
    return war;
  }
}
