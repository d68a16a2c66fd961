package dev.yubin.connector;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The embedded default's TLS identity: a self-signed certificate for our host name, made once by
 * the JDK's own keytool into {@code <data dir>/tls/} (no crypto library of our own needed), with a
 * random store password beside it, both readable by the owner only.
 */
final class SelfSignedCertificate {

  /**
   * keytool reads the store password from this environment variable: a command line is visible to
   * every local user ({@code ps}), a process's environment only to its owner.
   */
  static final String PASSWORD_VARIABLE = "YUBIN_KEYTOOL_STOREPASS";

  private static final Set<PosixFilePermission> FOLDER =
      PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

  private SelfSignedCertificate() {}

  /** The key store, created on first use. */
  static TlsContext.Pkcs12 ensure(Path dataDirectory, String hostname) {
    Path dir = dataDirectory.resolve("tls");
    Path store = dir.resolve("selfsigned.p12");
    Path passwordFile = dir.resolve("selfsigned.password");
    try {
      if (!Files.exists(store) || !Files.exists(passwordFile)) {
        // 0700 from the start: keytool creates the store under the process umask.
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(FOLDER));
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Files.deleteIfExists(store);
        Files.deleteIfExists(passwordFile);
        generate(store, password, hostname);
        Files.setPosixFilePermissions(store, FILE);
        Files.writeString(
            Files.createFile(passwordFile, PosixFilePermissions.asFileAttribute(FILE)), password);
      }
      return new TlsContext.Pkcs12(store, Files.readString(passwordFile).trim().toCharArray());
    } catch (IOException e) {
      throw new IllegalStateException("cannot create a self-signed certificate in " + dir, e);
    }
  }

  private static void generate(Path store, String password, String hostname) throws IOException {
    List<String> command = command(store, hostname);
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put(PASSWORD_VARIABLE, password);
    Process process =
        builder
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .start();
    try {
      String output = new String(process.getInputStream().readAllBytes());
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IOException("keytool failed: " + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running keytool", e);
    }
  }

  /** keytool's command line: no secret on it. */
  static List<String> command(Path store, String hostname) {
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    return List.of(
        keytool.toString(),
        "-genkeypair",
        "-alias",
        "yubin",
        "-keyalg",
        "EC",
        "-groupname",
        "secp256r1",
        "-sigalg",
        "SHA256withECDSA",
        "-validity",
        "825",
        "-dname",
        "CN=" + hostname,
        "-ext",
        "SAN=dns:" + hostname,
        "-storetype",
        "PKCS12",
        "-keystore",
        store.toString(),
        "-storepass:env",
        PASSWORD_VARIABLE);
  }
}
