package dev.yubin.ear;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A copy of the EAR whose ejb module also holds some test classes: everything else, descriptors
 * included, is copied as it is. The classes are named, not loaded: they refer to the ejb module's
 * types, which the test's own class path need not hold.
 */
final class TestEar {

  private static final String EJB_MODULE = "yubin-ejb.jar";

  private TestEar() {}

  /** Copies {@code ear} to {@code target}, adding the named test classes to its ejb module. */
  static Path withEjbClasses(Path ear, Path target, String... classes) throws IOException {
    Files.createDirectories(target.getParent());
    try (InputStream file = Files.newInputStream(ear);
        ZipInputStream in = new ZipInputStream(file);
        OutputStream out = Files.newOutputStream(target);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      boolean found = false;
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        zip.putNextEntry(new ZipEntry(entry.getName()));
        if (entry.getName().equals(EJB_MODULE)) {
          zip.write(withClasses(in.readAllBytes(), classes));
          found = true;
        } else {
          in.transferTo(zip);
        }
        zip.closeEntry();
      }
      if (!found) {
        throw new IllegalStateException("no " + EJB_MODULE + " in " + ear);
      }
    }
    return target;
  }

  private static byte[] withClasses(byte[] jar, String... classes) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(jar));
        ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        zip.putNextEntry(new ZipEntry(entry.getName()));
        in.transferTo(zip);
        zip.closeEntry();
      }
      for (String type : classes) {
        String name = type.replace('.', '/') + ".class";
        zip.putNextEntry(new ZipEntry(name));
        Files.copy(testClasses().resolve(name), zip);
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  private static Path testClasses() {
    try {
      return Path.of(TestEar.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
