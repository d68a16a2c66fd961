package dev.yubin.ejb.platform.application;

import dev.yubin.ejb.platform.config.YubinSettings;
import dev.yubin.ejb.platform.infrastructure.store.OwnerOnly;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The admin API's password: {@code yubin.admin.password} when set, else a random one generated into
 * {@code <data dir>/admin.password} on first start, where the CLI reads it: written to a 0600
 * temporary file and renamed, so it is never readable by others nor seen half-written.
 */
@ApplicationScoped
public class AdminCredential {

  public static final String FILE_NAME = "admin.password";

  @Inject YubinSettings settings;

  private volatile String password;

  /** Reads or creates the password; called at start-up. */
  public void initialize() {
    password = settings.adminPassword().orElseGet(this::generatedPassword);
  }

  public boolean matches(String candidate) {
    String expected = password;
    return expected != null
        && candidate != null
        && MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.UTF_8), candidate.getBytes(StandardCharsets.UTF_8));
  }

  private String generatedPassword() {
    Path file = settings.dataDirectory().resolve(FILE_NAME);
    try {
      if (Files.exists(file)) {
        return Files.readString(file, StandardCharsets.UTF_8).trim();
      }
      byte[] random = new byte[24];
      new SecureRandom().nextBytes(random);
      String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
      OwnerOnly.createDirectories(file.getParent());
      OwnerOnly.write(file, (generated + "\n").getBytes(StandardCharsets.UTF_8));
      return generated;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create " + file, e);
    }
  }
}
