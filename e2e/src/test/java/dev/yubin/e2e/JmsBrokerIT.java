package dev.yubin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The JMS broker inside the distribution (docs/adr/0007): {@code ./yubin run} deploys ActiveMQ's
 * adapter before Yubin, the broker keeps its journal under {@code <data dir>/broker}, listens on no
 * port of its own, and comes back after a SIGKILL (its lock is released with the process).
 */
class JmsBrokerIT {

  private static final Pattern LISTENER =
      Pattern.compile("\\s(\\S+):(\\d+)\\s+\\S+\\s+users:\\(.*pid=(\\d+),");

  static YubinServer server;

  @BeforeAll
  static void start() {
    server = YubinServer.builder("jms").freePorts().build().start();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void brokerIsPersistentUnderTheDataDirectory() {
    Path broker = server.dataDir().resolve("broker/yubin");
    assertThat(broker.resolve("KahaDB")).isDirectory();
    assertThat(broker.resolve("KahaDB/db.data")).isRegularFile();
    assertThat(broker.resolve("scheduler")).as("the scheduler for delayed messages").isDirectory();
    assertThat(server.log())
        .contains("Using Persistence Adapter: KahaDBPersistenceAdapter")
        .doesNotContain("JMX consoles can connect to")
        .doesNotContain("Listening for connections at");
  }

  @Test
  void serverListensOnlyOnItsConfiguredPorts() {
    Set<Integer> configured =
        new TreeSet<>(
            List.of(
                server.httpPort(),
                server.adminPort(),
                server.smtpPort(),
                server.pop3Port(),
                server.submissionPort(),
                server.submissionsPort(),
                server.pop3sPort(),
                server.imapPort(),
                server.imapsPort()));
    long pid = pidListeningOn(server.smtpPort());

    Set<Integer> ports = new TreeSet<>();
    Set<String> addresses = new TreeSet<>();
    for (String line : listeners()) {
      Matcher m = LISTENER.matcher(line);
      if (m.find() && Long.parseLong(m.group(3)) == pid) {
        // ss prints an IPv4 socket of a dual-stack JVM as [::ffff:127.0.0.1]
        addresses.add(m.group(1).replace("[::ffff:", "").replace("]", ""));
        ports.add(Integer.parseInt(m.group(2)));
      }
    }

    assertThat(ports).as("TCP ports the server's JVM listens on").isEqualTo(configured);
    assertThat(addresses).containsOnly(server.bind());
  }

  @Test
  void brokerRestartsAfterSigkill() {
    server.kill();
    server.start();

    assertThat(server.log().split("=== e2e: start #2", 2)[1])
        .contains("Using Persistence Adapter: KahaDBPersistenceAdapter")
        .doesNotContain("Database " + server.dataDir() + "/broker/yubin/KahaDB/lock is locked");
    assertThat(Files.isDirectory(server.dataDir().resolve("broker/yubin/KahaDB"))).isTrue();
  }

  private static long pidListeningOn(int port) {
    for (String line : listeners()) {
      Matcher m = LISTENER.matcher(line);
      if (m.find() && Integer.parseInt(m.group(2)) == port) {
        return Long.parseLong(m.group(3));
      }
    }
    throw new AssertionError("nothing listens on " + port + ":\n" + String.join("\n", listeners()));
  }

  /** {@code ss -ltnpH}: every listening TCP socket with its process. */
  private static List<String> listeners() {
    return E2e.run(List.of("ss", "-ltnpH"), java.util.Map.of(), null).requireSuccess().lines();
  }
}
