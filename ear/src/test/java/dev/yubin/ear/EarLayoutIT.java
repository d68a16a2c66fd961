package dev.yubin.ear;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * What the EAR holds: each class in exactly one place. The listener interfaces and the engines live
 * only in the rar (an MDB must implement the very interface the adapter loaded), the ejb jar is a
 * module and not also in the war, libraries are in lib/.
 */
class EarLayoutIT {

  private static final Path EAR = Path.of(System.getProperty("yubin.ear", "target/yubin.ear"));

  @Test
  void modulesAndLibrariesAreWhereTheServerLooks() throws IOException {
    try (ZipFile ear = new ZipFile(EAR.toFile())) {
      assertThat(names(ear))
          .contains(
              "yubin-rar.rar",
              "yubin-ejb.jar",
              "yubin.war",
              "lib/flyway-core.jar",
              "lib/yubin-api.jar",
              "lib/yubin-plugin-sender-blocklist.jar",
              "lib/jsoup.jar")
          .noneMatch(name -> name.contains("yubin-protocol") || name.contains("yubin-connector"))
          .noneMatch(name -> name.contains("netty"));

      String application = text(ear, "META-INF/application.xml");
      assertThat(application)
          .contains("<application-name>yubin</application-name>")
          .contains("<connector>yubin-rar.rar</connector>")
          .contains("<ejb>yubin-ejb.jar</ejb>")
          .contains("<web-uri>yubin.war</web-uri>")
          .contains("<context-root>/</context-root>")
          .contains("<library-directory>lib</library-directory>");
    }
  }

  @Test
  void relayQueueIsOnTheServersOwnJms() throws IOException {
    try (ZipFile ear = new ZipFile(EAR.toFile())) {
      assertThat(text(ear, "META-INF/application.xml"))
          .containsPattern(
              "<ejb>yubin-ejb.jar</ejb>\\s*<alt-dd>META-INF/yubin-ejb-payara-server.xml</alt-dd>");
      assertThat(text(ear, "META-INF/yubin-ejb-payara-server.xml"))
          .as("the ejb module's alt-dd")
          .contains("<name>java:app/jms/yubin/RelayConnectionFactory</name>")
          .contains("<name>java:app/jms/yubin/relay</name>")
          .contains("<resource-adapter>jmsra</resource-adapter>")
          .contains("<ejb-name>RelayQueueListener</ejb-name>")
          .contains("<env-entry-name>throwOnFailure</env-entry-name>");
      assertThat(ejbModuleText(ear, "META-INF/glassfish-ejb-jar.xml"))
          .containsPattern(
              "<ejb-name>RelayQueueListener</ejb-name>\\s*<mdb-resource-adapter>\\s*"
                  + "<resource-adapter-mid>jmsra</resource-adapter-mid>");
    }
  }

  @Test
  void warCarriesNoLibraries() throws IOException {
    try (ZipFile ear = new ZipFile(EAR.toFile())) {
      assertThat(nested(ear, "yubin.war"))
          .noneMatch(name -> name.startsWith("WEB-INF/lib/") && name.endsWith(".jar"));
    }
  }

  @Test
  void rarCarriesTheEnginesAndTheAdapter() throws IOException {
    try (ZipFile ear = new ZipFile(EAR.toFile())) {
      assertThat(nested(ear, "yubin-rar.rar"))
          .anyMatch(name -> name.startsWith("yubin-protocol"))
          .anyMatch(name -> name.startsWith("yubin-connector"));
    }
  }

  @Test
  void mdbsAreBoundToTheEmbeddedAdapter() throws IOException {
    try (ZipFile ear = new ZipFile(EAR.toFile())) {
      assertThat(ejbModuleText(ear, "META-INF/glassfish-ejb-jar.xml"))
          .as("yubin-ejb.jar!/META-INF/glassfish-ejb-jar.xml")
          .isNotNull()
          .contains("<ejb-name>SmtpBackendBean</ejb-name>")
          .contains("<ejb-name>Pop3BackendBean</ejb-name>")
          .contains("<ejb-name>ImapBackendBean</ejb-name>")
          .contains("<resource-adapter-mid>yubin#yubin-rar</resource-adapter-mid>");
    }
  }

  /** A text file of the ejb module, or null. */
  private static String ejbModuleText(ZipFile ear, String name) throws IOException {
    try (ZipInputStream ejb =
        new ZipInputStream(ear.getInputStream(ear.getEntry("yubin-ejb.jar")))) {
      for (ZipEntry entry = ejb.getNextEntry(); entry != null; entry = ejb.getNextEntry()) {
        if (entry.getName().equals(name)) {
          return new String(ejb.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
      return null;
    }
  }

  private static List<String> names(ZipFile zip) {
    return zip.stream().map(ZipEntry::getName).toList();
  }

  private static String text(ZipFile zip, String name) throws IOException {
    try (InputStream in = zip.getInputStream(zip.getEntry(name))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static List<String> nested(ZipFile zip, String name) throws IOException {
    ZipEntry entry = zip.getEntry(name);
    assertThat(entry).as(name).isNotNull();
    try (ZipInputStream in = new ZipInputStream(zip.getInputStream(entry))) {
      List<String> names = new ArrayList<>();
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        names.add(e.getName());
      }
      return names;
    }
  }
}
