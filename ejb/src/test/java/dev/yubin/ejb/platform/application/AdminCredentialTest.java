package dev.yubin.ejb.platform.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.ejb.platform.config.YubinSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminCredentialTest {

  @TempDir Path root;

  private AdminCredential credential(Path dataDirectory) {
    AdminCredential credential = new AdminCredential();
    credential.settings =
        new YubinSettings() {
          @Override
          public Path dataDirectory() {
            return dataDirectory;
          }

          @Override
          public Optional<String> adminPassword() {
            return Optional.empty();
          }
        };
    return credential;
  }

  @Test
  void aGeneratedPasswordIsWrittenForTheOwnerAloneAndKeptAcrossStarts() throws Exception {
    Path data = root.resolve("data");
    AdminCredential first = credential(data);
    first.initialize();

    Path file = data.resolve(AdminCredential.FILE_NAME);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data)))
        .isEqualTo("rwx------");
    assertThat(Files.list(data)).as("no temporary file left").containsExactly(file);
    String password = Files.readString(file).trim();
    assertThat(first.matches(password)).isTrue();

    AdminCredential second = credential(data);
    second.initialize();
    assertThat(second.matches(password)).isTrue();
  }
}
