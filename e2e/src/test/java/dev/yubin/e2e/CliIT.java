package dev.yubin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    Map<String, String> env = server.environment();
    env.remove("YUBIN_ADMIN_PASSWORD");
    env.putAll(extra);
    List<String> command = new ArrayList<>();
    command.add(E2e.home().resolve("yubin").toString());
    command.addAll(List.of(args));
    return E2e.run(command, env, E2e.tempDirectory("cli-"));
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

    E2e.Result usage = cli(Map.of(), "user", "add", "only-an-address@cli.e2e.test");
    assertThat(usage.exitCode()).isEqualTo(2);
  }

  @Test
  void adminApiRefusesAWrongOrMissingPassword() {
    String url = server.uri("/api/admin/users").toString();
    E2e.Result curlWrong =
        E2e.run(
            List.of(
                "curl", "-sS", "-o", "/dev/null", "-w", "%{http_code}", "-u", "admin:wrong", url),
            Map.of(),
            null);
    assertThat(curlWrong.stdout()).isEqualTo("401");
    E2e.Result curlRight =
        E2e.run(
            List.of(
                "curl",
                "-sS",
                "-o",
                "/dev/null",
                "-w",
                "%{http_code}",
                "-u",
                "admin:" + server.adminPassword(),
                url),
            Map.of(),
            null);
    assertThat(curlRight.stdout()).isEqualTo("200");

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
}
