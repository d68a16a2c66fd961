package dev.yubin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code ./yubin} command line against a running server, as an administrator uses it: the
 * server generated its admin password into the data directory, and the CLI finds it there.
 */
class CliIT {

  static YubinServer server;

  @BeforeAll
  static void start() {
    server = YubinServer.builder("cli").freePorts().adminPassword(null).build();
    server.start();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  /** {@code ./yubin ARGS} with the server's YUBIN_BIND, YUBIN_HTTP_PORT, YUBIN_DATA_DIR. */
  static E2e.Result cli(Map<String, String> extra, String... args) {
    return cliWithInput(extra, null, args);
  }

  /** As {@link #cli(Map, String...)}, with INPUT on its stdin. */
  static E2e.Result cliWithInput(Map<String, String> extra, String input, String... args) {
    Map<String, String> env = server.environment();
    env.remove("YUBIN_ADMIN_PASSWORD");
    env.putAll(extra);
    List<String> command = new ArrayList<>();
    command.add(E2e.home().resolve("yubin").toString());
    command.addAll(List.of(args));
    return E2e.run(command, env, E2e.tempDirectory("cli-"), input);
  }

  @Test
  void domainAndUserAddedWithTheCliReceiveMail() {
    E2e.Result domain = cli(Map.of(), "domain", "add", "cli.e2e.test").requireSuccess();
    assertThat(domain.stdout()).contains("\"created\":true");
    assertThat(cli(Map.of(), "domain", "list").requireSuccess().lines()).contains("cli.e2e.test");

    cli(Map.of(), "user", "add", "henry@cli.e2e.test", Clients.PASSWORD).requireSuccess();
    cli(Map.of(), "user", "add", "Ines@CLI.e2e.test", Clients.PASSWORD).requireSuccess();

    List<String> users = cli(Map.of(), "user", "list").requireSuccess().lines();
    assertThat(users).contains("henry@cli.e2e.test", "ines@cli.e2e.test");
    List<String> sent =
        Clients.smtpSend(
            server,
            "sender@sender.example",
            Clients.crlf("Subject: to a CLI user", "", "Hello Henry."),
            "henry@cli.e2e.test");
    assertThat(Clients.line(sent, "DATA")).startsWith("DATA 250 ");
    assertThat(Clients.count(server, "henry@cli.e2e.test")).isEqualTo(1);
  }

  @Test
  void cliRefusesBadRequestsWithAnError() {
    E2e.Result noDomain = cli(Map.of(), "user", "add", "x@not-local.e2e.test", "pw");
    assertThat(noDomain.exitCode()).isNotZero();
    assertThat(noDomain.stderr()).contains("error (400)").contains("not a local domain");

    E2e.Result wrongPassword = cli(Map.of("YUBIN_ADMIN_PASSWORD", "wrong"), "user", "list");
    assertThat(wrongPassword.exitCode()).isNotZero();
    assertThat(wrongPassword.stderr()).contains("error (401)");

    assertThat(cli(Map.of(), "user", "add").exitCode()).isEqualTo(2);
    E2e.Result noPassword = cli(Map.of(), "user", "add", "no-password@cli.e2e.test");
    assertThat(noPassword.exitCode()).as("no password argument, nothing on stdin").isEqualTo(2);
    assertThat(noPassword.stderr()).contains("No password given");
  }

  @Test
  void adminApiRefusesAWrongOrMissingPassword() {
    assertThat(server.curlAdmin("users", "wrong")).startsWith("401 ");
    assertThat(server.curlAdmin("users", server.adminPassword())).startsWith("200 ");

    HttpResponse<String> none = server.admin("GET", "users", null, null);
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(none.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
    assertThat(server.admin("GET", "users", null, server.adminPassword() + "x").statusCode())
        .isEqualTo(401);
    HttpResponse<String> otherUser =
        server.admin("POST", "domains", "{\"name\":\"evil.e2e.test\"}", "wrong");
    assertThat(otherUser.statusCode()).isEqualTo(401);
    assertThat(server.admin("GET", "domains", null, server.adminPassword()).body())
        .doesNotContain("evil.e2e.test");
  }

  /**
   * Secrets never reach a command line, which every local user can read ({@code ps}, {@code
   * /proc/PID/cmdline}): a recording {@code curl} first on the PATH shows every argument the CLI
   * gave curl, and neither the admin password nor a new account's password (given on stdin) is
   * among them, while the calls still succeed.
   */
  @Test
  void theCliKeepsPasswordsOffCommandLines() throws Exception {
    Path shims = E2e.tempDirectory("shims-");
    Path argv = shims.resolve("curl.argv");
    Path curl = shims.resolve("curl");
    Files.writeString(
        curl,
        "#!/bin/sh\nprintf '%s\\n' \"$@\" >> '"
            + argv
            + "'\nexec "
            + E2e.run(List.of("sh", "-c", "command -v curl"), Map.of(), null).stdout().trim()
            + " \"$@\"\n");
    Files.setPosixFilePermissions(curl, PosixFilePermissions.fromString("rwx------"));
    Map<String, String> shimmed = Map.of("PATH", shims + ":" + System.getenv("PATH"));
    cli(Map.of(), "domain", "add", "ps.e2e.test").requireSuccess();
    String accountPassword = "account-" + UUID.randomUUID();

    E2e.Result added =
        cliWithInput(shimmed, accountPassword + "\n", "user", "add", "olga@ps.e2e.test")
            .requireSuccess();
    E2e.Result listed = cli(shimmed, "user", "list").requireSuccess();

    assertThat(added.stdout()).contains("olga@ps.e2e.test");
    assertThat(listed.lines()).contains("olga@ps.e2e.test");
    assertThat(Clients.pop3(server, "olga@ps.e2e.test", accountPassword, "stat").exitCode())
        .as("the account got the password from stdin")
        .isZero();
    String arguments = Files.readString(argv);
    assertThat(arguments)
        .as("curl's arguments")
        .contains("https://localhost:" + server.adminPort() + "/api/admin/users")
        .doesNotContain(server.adminPassword())
        .doesNotContain(accountPassword);
  }
}
