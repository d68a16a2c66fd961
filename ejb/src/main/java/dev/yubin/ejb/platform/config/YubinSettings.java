package dev.yubin.ejb.platform.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The application's settings. Keys and defaults are documented in the README. */
@ApplicationScoped
public class YubinSettings {

  @Inject
  @ConfigProperty(name = "yubin.data.dir", defaultValue = "./data")
  String dataDir;

  @Inject
  @ConfigProperty(name = "yubin.hostname")
  Optional<String> hostname;

  @Inject
  @ConfigProperty(name = "yubin.domains")
  Optional<String> domains;

  @Inject
  @ConfigProperty(name = "yubin.admin.password")
  Optional<String> adminPassword;

  /** Where the database, spool, mailboxes and generated secrets live. */
  public Path dataDirectory() {
    return Path.of(dataDir).toAbsolutePath().normalize();
  }

  /** Our name in greetings and trace headers. */
  public String hostname() {
    return hostname
        .filter(h -> !h.isBlank())
        .orElseGet(
            () -> {
              try {
                return InetAddress.getLocalHost().getHostName();
              } catch (UnknownHostException e) {
                return "localhost";
              }
            });
  }

  /** Local domains to create at start. */
  public List<String> domains() {
    return Arrays.stream(domains.orElse("").split(","))
        .map(String::trim)
        .filter(d -> !d.isEmpty())
        .toList();
  }

  /** The admin API's password when configured; otherwise one is generated. */
  public Optional<String> adminPassword() {
    return adminPassword.filter(p -> !p.isBlank());
  }
}
