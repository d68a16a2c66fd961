package dev.yubin.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real DNS server (Debian's dnsmasq) on a free loopback port, serving the records a test gives;
 * names outside them are refused. Stopped by its own PID.
 */
final class Dnsmasq implements AutoCloseable {

  private final Process process;
  private final int port;

  private Dnsmasq(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /**
   * Starts dnsmasq with lines such as {@code mx-host=b.test,mx.b.test,10} and {@code
   * host-record=mx.b.test,127.0.0.3}.
   */
  static Dnsmasq start(List<String> records) {
    try {
      int port;
      try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
        port = probe.getLocalPort();
      }
      Path dir = E2e.tempDirectory("dnsmasq-");
      Path conf = dir.resolve("dnsmasq.conf");
      StringBuilder text =
          new StringBuilder()
              .append("port=")
              .append(port)
              .append("\nlisten-address=127.0.0.1\nbind-interfaces\nno-resolv\nno-hosts\n")
              .append("local=/test/\n");
      records.forEach(r -> text.append(r).append('\n'));
      Files.writeString(conf, text);
      Process process =
          new ProcessBuilder(
                  dnsmasq(), "--conf-file=" + conf, "--keep-in-foreground", "--log-facility=-")
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("dnsmasq.log").toFile())
              .redirectInput(new File("/dev/null"))
              .start();
      Thread.sleep(500);
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "dnsmasq did not start: " + Files.readString(dir.resolve("dnsmasq.log")));
      }
      return new Dnsmasq(process, port);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String dnsmasq() {
    for (String candidate : List.of("/usr/sbin/dnsmasq", "/usr/bin/dnsmasq")) {
      if (Files.isExecutable(Path.of(candidate))) {
        return candidate;
      }
    }
    throw new IllegalStateException("dnsmasq is not installed (apt-get install dnsmasq-base)");
  }

  /** The {@code yubin.dns.servers} value for this server. */
  String server() {
    return "127.0.0.1:" + port;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
