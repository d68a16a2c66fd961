package dev.yubin.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What an attacker finds first, closed: a public mail address (here 127.0.0.2) that offers no admin
 * API, the admin API on its own HTTPS listener on loopback (127.0.0.1), errors as short JSON
 * without internals, password guessing throttled per client address, and a data directory that
 * other local users cannot read.
 */
class AdminSecurityIT {

  static final String DOMAIN = "secure.e2e.test";
  static final String MAIL_ADDRESS = "127.0.0.2";
  static YubinServer server;

  @BeforeAll
  static void start() {
    server =
        YubinServer.builder("adminsec")
            .bind(MAIL_ADDRESS)
            .adminBind("127.0.0.1")
            .freePorts()
            .domains(DOMAIN)
            .build();
    server.start();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void theAdminApiIsNotOnTheMailAddressButOnLoopbackOverHttps() {
    assertThatThrownBy(
            () -> {
              try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(MAIL_ADDRESS, server.adminPort()), 2000);
              }
            })
        .as("the admin port on the mail address")
        .isInstanceOf(ConnectException.class);
    HttpResponse<String> onMailHttp =
        server.send(server.uri("/api/admin/users"), "GET", null, server.adminPassword());
    assertThat(onMailHttp.statusCode()).isEqualTo(404);
    assertThat(onMailHttp.body()).isEqualTo("{\"error\":\"not found\"}");
    assertThat(server.send(server.uri("/api/health"), "GET", null, null).statusCode())
        .as("health stays on the mail-facing HTTP listener")
        .isEqualTo(200);

    // Pinned to the certificate in the data directory, host name checked: not Payara's own key.
    HttpResponse<String> overHttps = server.admin("GET", "domains", null, server.adminPassword());
    assertThat(overHttps.uri().getScheme()).isEqualTo("https");
    assertThat(overHttps.statusCode()).isEqualTo(200);
    assertThat(overHttps.body()).contains(DOMAIN);
    assertThat(overHttps.sslSession())
        .hasValueSatisfying(tls -> assertThat(tls.getProtocol()).isIn("TLSv1.3", "TLSv1.2"));
  }

  @Test
  void errorsAreShortJsonWithoutStackTracesSqlOrVersions() {
    String tooLong = "a".repeat(413 - DOMAIN.length() - 1) + "@" + DOMAIN;
    assertThat(tooLong).hasSize(413);
    List<HttpResponse<String>> errors = new ArrayList<>();

    HttpResponse<String> address =
        server.admin(
            "POST",
            "users",
            "{\"address\":\"" + tooLong + "\",\"password\":\"x\"}",
            server.adminPassword());
    assertThat(address.statusCode()).isEqualTo(400);
    assertThat(address.body()).startsWith("{\"error\":\"not an address: aaaa");
    errors.add(address);
    HttpResponse<String> domain =
        server.admin(
            "POST",
            "domains",
            "{\"name\":\"" + "d".repeat(300) + ".test\"}",
            server.adminPassword());
    assertThat(domain.statusCode()).isEqualTo(400);
    errors.add(domain);
    HttpResponse<String> alias =
        server.admin(
            "POST",
            "aliases",
            "{\"address\":\"team@" + DOMAIN + "\",\"targets\":[\"" + tooLong + "\"]}",
            server.adminPassword());
    assertThat(alias.statusCode()).isEqualTo(400);
    errors.add(alias);
    HttpResponse<String> malformed =
        server.admin("POST", "users", "{\"address\": oops", server.adminPassword());
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(malformed.body()).isEqualTo("{\"error\":\"malformed JSON\"}");
    errors.add(malformed);
    HttpResponse<String> noSuchCall = server.admin("GET", "nothing", null, server.adminPassword());
    assertThat(noSuchCall.statusCode()).isEqualTo(404);
    errors.add(noSuchCall);
    HttpResponse<String> wrongMethod =
        server.admin("DELETE", "domains", null, server.adminPassword());
    assertThat(wrongMethod.statusCode()).isEqualTo(405);
    errors.add(wrongMethod);
    HttpResponse<String> noPage =
        server.send(server.adminUri("/no-such-page"), "GET", null, server.adminPassword());
    assertThat(noPage.statusCode()).isEqualTo(404);
    errors.add(noPage);

    assertThat(errors)
        .allSatisfy(
            response -> {
              assertThat(response.headers().firstValue("Content-Type"))
                  .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
              assertThat(response.body())
                  .as("%s %s", response.request().method(), response.uri())
                  .matches("\\{\"error\":\"[^\"]*\"\\}")
                  .doesNotContainIgnoringCase("exception")
                  .doesNotContainIgnoringCase("sql")
                  .doesNotContain("Payara", "EclipseLink", "H2", "Jersey", "<");
              assertThat(response.headers().firstValue("X-Powered-By")).isEmpty();
            });
  }

  /**
   * Guesses from 127.0.0.3 (curl binds its side there) use up that address's failures: then even
   * the right password gets 429 from it, while the administrator on 127.0.0.1 still gets in.
   */
  @Test
  void repeatedBadPasswordsAreThrottledPerClientAddress() {
    List<String> statuses = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      statuses.add(curlFrom("127.0.0.3", "guess-" + i));
    }
    String rightButBlocked = curlFrom("127.0.0.3", server.adminPassword());

    assertThat(statuses)
        .containsExactly(
            "401 {\"error\":\"authentication required\"}",
            "401 {\"error\":\"authentication required\"}",
            "401 {\"error\":\"authentication required\"}",
            "401 {\"error\":\"authentication required\"}",
            "401 {\"error\":\"authentication required\"}",
            "429 {\"error\":\"too many failed logins, try again later\"}");
    assertThat(rightButBlocked).startsWith("429 ");
    assertThat(server.admin("GET", "users", null, server.adminPassword()).statusCode())
        .isEqualTo(200);
  }

  /** GET /api/admin/users with curl from SOURCE: the status, a space and the body. */
  private static String curlFrom(String source, String password) {
    return server.curlAdmin("users", password, "--interface", source);
  }

  @Test
  void dataFilesAreTheOwnersAloneAfterDeliveryAndQueueing() throws IOException {
    String user =
        server.addUser(
            "paula-" + UUID.randomUUID().toString().substring(0, 8) + "@" + DOMAIN,
            Clients.PASSWORD);
    assertThat(
            Clients.line(
                Clients.smtpSend(
                    server,
                    "sender@sender.example",
                    Clients.crlf("Subject: private", "", "for Paula only"),
                    user),
                "DATA"))
        .startsWith("DATA 250 ");
    List<String> submitted =
        Clients.esmtp(
            server,
            server.submissionPort(),
            "--tls",
            "starttls",
            "--auth",
            "login",
            "--user",
            user,
            "--password",
            Clients.PASSWORD,
            "--from",
            user,
            "--to",
            "someone@elsewhere.example",
            "--file",
            Clients.messageFile(Clients.crlf("Subject: queued", "", "waits for a route"))
                .toString());
    assertThat(Clients.line(submitted, "DATA")).startsWith("DATA 250 ");

    Path data = server.dataDir();
    List<Path> all;
    try (Stream<Path> walk = Files.walk(data)) {
      all = walk.toList();
    }
    assertThat(all)
        .as("what must be there")
        .contains(data.resolve("db/yubin.mv.db"), data.resolve("tls/admin-tls.p12"))
        .anySatisfy(p -> assertThat(p.toString()).matches(".*/blobs/[0-9a-f]{2}/[^/.][^/]*"))
        .anySatisfy(p -> assertThat(p.toString()).contains("/queue/").endsWith(".envelope"));
    Set<PosixFilePermission> othersAndGroup =
        EnumSet.of(
            PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_EXECUTE);
    for (Path path : all) {
      if (!Files.exists(path)) {
        continue; // a temporary file renamed since the walk listed it
      }
      Set<PosixFilePermission> mode = Files.getPosixFilePermissions(path);
      assertThat(mode)
          .as("%s %s", PosixFilePermissions.toString(mode), path)
          .doesNotContainAnyElementsOf(othersAndGroup);
      if (Files.isDirectory(path)) {
        assertThat(PosixFilePermissions.toString(mode)).as(path.toString()).isEqualTo("rwx------");
      }
    }
    for (Path messageFile : server.storedMessageFiles()) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(messageFile)))
          .isEqualTo("rw-------");
    }
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(data.resolve("db/yubin.mv.db"))))
        .as("H2's database file, which holds the password hashes")
        .isEqualTo("rw-------");
  }
}
