package dev.yubin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.protocol.DialogueScript;
import java.util.List;
import java.util.UUID;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The protocol engines' dialogue scripts in {@code dialogues/e2e/{imap,pop3,smtp}/} (from the
 * protocol module's test jar), played over sockets against the real server: the same lines the
 * engine tests play against fake backends. Every script has a fresh user ({@code ${user}}, {@code
 * ${password}}, {@code ${address}} in {@code ${domain}}; {@code ${host}} is the server's name); its
 * DELIVER lines are sent with smtplib to the MX port.
 */
class DialogueIT {

  static final String DOMAIN = "dialogue.e2e.test";
  static YubinServer server;

  @BeforeAll
  static void start() {
    server = YubinServer.builder("dialogue").freePorts().domains(DOMAIN).build();
    server.start();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  static List<String> imapScripts() {
    return DialogueScript.list("/dialogues/e2e/imap");
  }

  static List<String> pop3Scripts() {
    return DialogueScript.list("/dialogues/e2e/pop3");
  }

  static List<String> smtpScripts() {
    return DialogueScript.list("/dialogues/e2e/smtp");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("imapScripts")
  void imap(String script) {
    play("imap/" + script, server::imapPort);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pop3Scripts")
  void pop3(String script) {
    play("pop3/" + script, server::pop3Port);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("smtpScripts")
  void smtp(String script) {
    play("smtp/" + script, server::smtpPort);
  }

  @Test
  void everyProtocolHasScripts() {
    assertThat(imapScripts()).contains("login-select-fetch.txt", "search.txt", "bad-input.txt");
    assertThat(pop3Scripts()).isNotEmpty();
    assertThat(smtpScripts()).isNotEmpty();
  }

  private static void play(String script, IntSupplier port) {
    String user = "dialogue-" + UUID.randomUUID().toString().substring(0, 8) + "@" + DOMAIN;
    server.addUser(user, Clients.PASSWORD);
    DialogueScript.Target target =
        new DialogueScript.Target() {
          @Override
          public DialogueScript.Connection connect() {
            return new SocketConnection(server.bind(), port.getAsInt());
          }

          @Override
          public void deliver(byte[] message) {
            List<String> sent = Clients.smtpSend(server, "sender@remote.example", message, user);
            assertThat(Clients.line(sent, "DATA")).startsWith("DATA 250 ");
          }
        };
    DialogueScript.load("/dialogues/e2e/" + script)
        .with("user", user)
        .with("password", Clients.PASSWORD)
        .with("address", user)
        .with("domain", DOMAIN)
        .with("host", server.hostname())
        .run(target);
  }
}
