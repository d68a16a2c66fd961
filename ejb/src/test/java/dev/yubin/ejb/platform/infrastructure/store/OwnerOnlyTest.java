package dev.yubin.ejb.platform.infrastructure.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs under the build's umask (022 usually): what it creates would be 0644/0755 without care. */
public class OwnerOnlyTest {

  @TempDir Path root;

  public static String mode(Path path) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }

  @Test
  void foldersAndTheirMissingParentsAreCreated0700() throws Exception {
    OwnerOnly.createDirectories(root.resolve("data/mail/alice"));

    assertThat(mode(root.resolve("data"))).isEqualTo("rwx------");
    assertThat(mode(root.resolve("data/mail"))).isEqualTo("rwx------");
    assertThat(mode(root.resolve("data/mail/alice"))).isEqualTo("rwx------");
  }

  @Test
  void aNewFileIs0600FromTheStart() throws Exception {
    Path file = root.resolve("f");
    try (var channel = OwnerOnly.newFile(file)) {
      assertThat(mode(file)).as("while still being written").isEqualTo("rw-------");
    }
  }

  @Test
  void writeReplacesTheWholeFileAtomicallyAs0600() throws Exception {
    Path file = root.resolve("admin.password");
    Files.writeString(file, "old, and readable by all");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    OwnerOnly.write(file, "new\n".getBytes(StandardCharsets.UTF_8));

    assertThat(Files.readString(file)).isEqualTo("new\n");
    assertThat(mode(file)).isEqualTo("rw-------");
    assertThat(Files.list(root)).containsExactly(file);
  }

  @Test
  void secureFolderCreatesTheDataDirectoryOrClosesAnOpenOne() throws Exception {
    Path created = root.resolve("new");
    assertThat(OwnerOnly.secureFolder(created)).isFalse();
    assertThat(mode(created)).isEqualTo("rwx------");

    Path open = Files.createDirectory(root.resolve("open"));
    Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-xr-x"));
    assertThat(OwnerOnly.secureFolder(open)).isTrue();
    assertThat(mode(open)).isEqualTo("rwx------");
    assertThat(OwnerOnly.secureFolder(open)).isFalse();
  }
}
