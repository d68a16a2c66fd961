/*
 * Yubin load generator: SMTP accept throughput and latency (plain and after STARTTLS), POP3 RETR
 * throughput and login rate, and an idle-connections check. One file, JDK only: run it with `java Bench.java ...`.
 *
 * It prints numbers and asserts nothing. Every phase is bounded in time and count, talks to
 * the given host only (loopback in bench/run.sh) and stops by itself.
 *
 * Arguments are key=value pairs (defaults in brackets):
 *   label=yubin            name printed in every RESULT line
 *   smtp=127.0.0.1:16025   SMTP server; "-" to skip the SMTP phases
 *   pop3=127.0.0.1:16110   POP3 server; "-" to skip the POP3 phases
 *   rcpt=test%d@bench.test recipient pattern, %d is 1..users
 *   pop3user=test%d        POP3 login pattern, %d is 1..users
 *   password=pass          POP3 password of every user
 *   users=16               number of users
 *   secs=10                seconds per measured phase
 *   max=20000              at most this many messages per SMTP phase
 *   size=4096              message size in bytes (headers + body, before the final dot)
 *   clients=1,8,32         SMTP concurrency levels (one connection each, many transactions)
 *   connclients=8          concurrency of the new-connection-per-message phase
 *   popclients=1,8         POP3 RETR concurrency levels (one user each, stays logged in)
 *   loginclients=2         concurrency of the POP3 login phase
 *   idle=2000              idle SMTP connections to open; 0 to skip
 *   pid=                   server process id, for VmRSS in the idle check
 *   tlsresume=no           STARTTLS phases: "no" makes every connection a full handshake (a new
 *                          client SSLContext each, no session to resume); "yes" shares one
 *   phases=smtp,conn,tls,tlsconn,login,retr,idle
 *
 * Phases: smtp = 3 s warm-up, then the clients levels; conn = a new connection per message;
 * tls and tlsconn = the same two after STARTTLS (EHLO, STARTTLS, 220, TLS handshake with a
 * trust-all client, since servers under test have self-signed certificates, EHLO again), with
 * their own 3 s warm-ups; labelled smtp_tls_c<n> and smtp_tls_newconn_c<n>.
 *
 * Output: a human-readable log on stderr, and on stdout one line per figure:
 *   RESULT <label> <metric> <value> <unit>
 */

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

public class Bench {

  static final Map<String, String> ARGS = new HashMap<>();
  static String label;

  public static void main(String[] argv) throws Exception {
    for (String a : argv) {
      int eq = a.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException("expected key=value: " + a);
      }
      ARGS.put(a.substring(0, eq), a.substring(eq + 1));
    }
    label = arg("label", "yubin");
    List<String> phases = List.of(arg("phases", "smtp,conn,tls,tlsconn,login,retr,idle").split(","));
    String smtp = arg("smtp", "127.0.0.1:16025");
    String pop3 = arg("pop3", "127.0.0.1:16110");
    int secs = Integer.parseInt(arg("secs", "10"));

    if (!smtp.equals("-")) {
      InetSocketAddress at = address(smtp);
      int max = Integer.parseInt(arg("max", "20000"));
      for (boolean tls : new boolean[] {false, true}) {
        String prefix = tls ? "smtp_tls_" : "smtp_";
        if (phases.contains(tls ? "tls" : "smtp")) {
          // Warm up the server's JIT and pools (and TLS code); not counted.
          log(String.format("smtp%s warm-up, 8 clients, 3 s", tls ? " STARTTLS" : ""));
          smtpLoad(at, 8, 3, Integer.MAX_VALUE, false, tls, null);
          for (String c : arg("clients", "1,8,32").split(",")) {
            int n = Integer.parseInt(c.trim());
            smtpLoad(at, n, secs, max, false, tls, prefix + "c" + n);
          }
        }
        if (phases.contains(tls ? "tlsconn" : "conn")) {
          int n = Integer.parseInt(arg("connclients", "8"));
          if (tls) {
            // Handshakes on both sides (the client's JSSE is JIT-compiled too); not counted.
            log("smtp STARTTLS warm-up, new connection per message, 3 s");
            smtpLoad(at, n, 3, Integer.MAX_VALUE, true, true, null);
          }
          smtpLoad(at, n, secs, max, true, tls, prefix + "newconn_c" + n);
        }
      }
    }
    if (!pop3.equals("-")) {
      InetSocketAddress at = address(pop3);
      if (phases.contains("login")) {
        pop3Logins(at, Integer.parseInt(arg("loginclients", "2")), secs);
      }
      if (phases.contains("retr")) {
        for (String c : arg("popclients", "1,8").split(",")) {
          pop3Retr(at, Integer.parseInt(c.trim()), secs);
        }
      }
    }
    if (!smtp.equals("-") && phases.contains("idle") && Integer.parseInt(arg("idle", "2000")) > 0) {
      idle(address(smtp), Integer.parseInt(arg("idle", "2000")));
    }
  }

  // ---------------------------------------------------------------- SMTP

  /**
   * n clients for secs seconds (at most max messages in all). Each client keeps one connection
   * and sends transaction after transaction, or (newConnection) opens a connection per message.
   * Latency is DATA→250: from writing the DATA command to reading the reply to the final dot,
   * so it holds the 354 round trip, the content and the server's durable commit. With tls, every
   * connection does EHLO, STARTTLS, the TLS handshake and EHLO again before its first MAIL; the
   * handshake's own time (ClientHello to Finished) is reported for the new-connection phase.
   */
  static void smtpLoad(
      InetSocketAddress at, int n, int secs, int max, boolean newConnection, boolean tls, String metric)
      throws Exception {
    if (metric != null) {
      log(String.format(
          "smtp%s %d client(s), %s, %d s", tls ? " STARTTLS" : "", n,
          newConnection ? "new connection per message" : "one connection each", secs));
    }
    java.util.Queue<Long> handshakes = new java.util.concurrent.ConcurrentLinkedQueue<>();
    java.util.concurrent.atomic.AtomicBoolean described = new java.util.concurrent.atomic.AtomicBoolean(metric == null);
    int size = Integer.parseInt(arg("size", "4096"));
    int users = Integer.parseInt(arg("users", "16"));
    String rcpt = arg("rcpt", "test%d@bench.test");
    AtomicLong sent = new AtomicLong();
    AtomicLong budget = new AtomicLong(max);
    AtomicLong failures = new AtomicLong();
    AtomicLong inWindow = new AtomicLong();
    AtomicLong lastInWindow = new AtomicLong();
    long begin = System.nanoTime();
    long deadline = begin + secs * 1_000_000_000L;
    ExecutorService pool = Executors.newFixedThreadPool(n);
    List<Future<long[]>> results = new ArrayList<>();
    CountDownLatch ready = new CountDownLatch(n);
    for (int i = 0; i < n; i++) {
      int client = i;
      results.add(pool.submit(() -> {
        long[] lat = new long[1024];
        int count = 0;
        byte[] body = message(size, client);
        Conn conn = null;
        String step = "start";
        ready.countDown();
        ready.await();
        try {
          while (System.nanoTime() < deadline && budget.getAndDecrement() > 0) {
            if (conn == null) {
              step = "connect/greeting";
              conn = Conn.open(at);
              expect(conn.reply(), 220, "greeting");
              step = "EHLO";
              conn.send("EHLO bench.client.test\r\n");
              expect(conn.reply(), 250, "EHLO");
              if (tls) {
                step = "STARTTLS";
                conn.send("STARTTLS\r\n");
                expect(conn.reply(), 220, "STARTTLS");
                step = "TLS handshake";
                SSLContext ctx = Tls.context();
                long h0 = System.nanoTime();
                conn = conn.startTls(at, ctx);
                handshakes.add(System.nanoTime() - h0);
                if (!described.getAndSet(true)) {
                  log("  " + Tls.describe((SSLSocket) conn.socket));
                }
                step = "EHLO after STARTTLS";
                conn.send("EHLO bench.client.test\r\n");
                expect(conn.reply(), 250, "EHLO after STARTTLS");
              }
            }
            String to = String.format(rcpt, 1 + (int) ((client + sent.get()) % users));
            step = "MAIL";
            conn.send("MAIL FROM:<bench@client.test>\r\n");
            expect(conn.reply(), 250, "MAIL");
            step = "RCPT";
            conn.send("RCPT TO:<" + to + ">\r\n");
            expect(conn.reply(), 250, "RCPT");
            long t0 = System.nanoTime();
            step = "DATA";
            conn.send("DATA\r\n");
            expect(conn.reply(), 354, "DATA");
            step = "message content and final dot";
            conn.out.write(body);
            conn.out.flush();
            int code = conn.reply();
            long t1 = System.nanoTime();
            if (code != 250) {
              failures.incrementAndGet();
              log("final dot answered " + code + ": " + conn.lastLine);
              continue;
            }
            sent.incrementAndGet();
            if (t1 <= deadline) {
              inWindow.incrementAndGet();
              lastInWindow.accumulateAndGet(t1, Math::max);
            }
            if (count == lat.length) {
              lat = Arrays.copyOf(lat, count * 2);
            }
            lat[count++] = t1 - t0;
            if (newConnection) {
              step = "QUIT";
              conn.send("QUIT\r\n");
              conn.reply();
              conn.close();
              conn = null;
            }
          }
          if (conn != null) {
            conn.send("QUIT\r\n");
            conn.reply();
          }
        } catch (IOException e) {
          failures.incrementAndGet();
          log(String.format("client %d, transaction %d, at %s: %s", client, count + 1, step, e));
        } finally {
          if (conn != null) {
            conn.close();
          }
        }
        return Arrays.copyOf(lat, count);
      }));
    }
    long t0 = System.nanoTime();
    long[] all = collect(results);
    double elapsed = (System.nanoTime() - t0) / 1e9;
    pool.shutdown();
    if (metric == null) {
      return;
    }
    Arrays.sort(all);
    // The rate counts messages acknowledged inside the window only, so a client stuck on a
    // missing reply (reported as a failure) does not stretch the phase and dilute the figure.
    double window = Math.max(1, lastInWindow.get() - begin) / 1e9;
    double rate = inWindow.get() / window;
    log(String.format(
        "  %d messages in %.1f s = %.0f msg/s (%d in all, phase took %.1f s); DATA->250 p50 %.2f ms p99 %.2f ms; failures %d",
        inWindow.get(), window, rate, all.length, elapsed, pct(all, 50), pct(all, 99), failures.get()));
    result(metric + "_msg_s", rate, "msg/s");
    result(metric + "_p50_ms", pct(all, 50), "ms");
    result(metric + "_p99_ms", pct(all, 99), "ms");
    result(metric + "_failures", failures.get(), "count");
    if (tls && newConnection) {
      long[] hs = handshakes.stream().mapToLong(Long::longValue).sorted().toArray();
      log(String.format(
          "  %d TLS handshakes: p50 %.2f ms p99 %.2f ms", hs.length, pct(hs, 50), pct(hs, 99)));
      result(metric + "_handshake_p50_ms", pct(hs, 50), "ms");
    }
  }

  /** A message of exactly size bytes (CRLF lines, none starting with a dot) plus ".\r\n". */
  static byte[] message(int size, int client) {
    StringBuilder sb = new StringBuilder();
    sb.append("From: Bench <bench@client.test>\r\n")
        .append("To: Bench user <user@bench.test>\r\n")
        .append("Subject: bench message from client ").append(client).append("\r\n")
        .append("Message-ID: <bench.").append(client).append('.').append(System.nanoTime())
        .append("@client.test>\r\n")
        .append("MIME-Version: 1.0\r\n")
        .append("Content-Type: text/plain; charset=us-ascii\r\n\r\n");
    String line = "The quick brown fox jumps over the lazy dog, 0123456789 ABCDEFGHIJKLMNOPQRST";
    while (sb.length() + line.length() + 2 <= size - 2) {
      sb.append(line).append("\r\n");
    }
    while (sb.length() < size - 2) {
      sb.append('x');
    }
    sb.append("\r\n.\r\n");
    return sb.toString().getBytes(StandardCharsets.US_ASCII);
  }

  // ---------------------------------------------------------------- POP3

  /** n clients log in and out (USER/PASS/QUIT) for secs seconds; each uses its own user. */
  static void pop3Logins(InetSocketAddress at, int n, int secs) throws Exception {
    log(String.format("pop3 login, %d client(s), %d s", n, secs));
    long deadline = System.nanoTime() + secs * 1_000_000_000L;
    ExecutorService pool = Executors.newFixedThreadPool(n);
    List<Future<long[]>> results = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int client = i;
      results.add(pool.submit(() -> {
        long[] lat = new long[256];
        int count = 0;
        while (System.nanoTime() < deadline) {
          try (Conn conn = Conn.open(at)) {
            expectOk(conn.line(), "greeting");
            long t0 = System.nanoTime();
            login(conn, client);
            long t1 = System.nanoTime();
            conn.send("QUIT\r\n");
            conn.line();
            if (count == lat.length) {
              lat = Arrays.copyOf(lat, count * 2);
            }
            lat[count++] = t1 - t0;
          }
        }
        return Arrays.copyOf(lat, count);
      }));
    }
    long t0 = System.nanoTime();
    long[] all = collect(results);
    double elapsed = (System.nanoTime() - t0) / 1e9;
    pool.shutdown();
    Arrays.sort(all);
    log(String.format(
        "  %d logins in %.1f s = %.1f logins/s; USER+PASS p50 %.1f ms p99 %.1f ms",
        all.length, elapsed, all.length / elapsed, pct(all, 50), pct(all, 99)));
    String m = "pop3_login_c" + n;
    result(m + "_per_s", all.length / elapsed, "logins/s");
    result(m + "_p50_ms", pct(all, 50), "ms");
  }

  /**
   * n clients, each logged in once as its own user, RETR their messages round and round for secs
   * seconds. Bytes are those of the multi-line reply (the message as sent, dot-stuffed).
   */
  static void pop3Retr(InetSocketAddress at, int n, int secs) throws Exception {
    log(String.format("pop3 RETR, %d client(s), stay logged in, %d s", n, secs));
    AtomicLong bytes = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(n);
    List<Future<long[]>> results = new ArrayList<>();
    CountDownLatch loggedIn = new CountDownLatch(n);
    long[] window = new long[2];
    for (int i = 0; i < n; i++) {
      int client = i;
      results.add(pool.submit(() -> {
        long count = 0;
        Conn conn = null;
        try {
          conn = Conn.open(at);
          expectOk(conn.line(), "greeting");
          login(conn, client);
          conn.send("STAT\r\n");
          String stat = expectOk(conn.line(), "STAT");
          int messages = Integer.parseInt(stat.split(" ")[1]);
          loggedIn.countDown();
          loggedIn.await();
          long deadline;
          synchronized (window) {
            if (window[0] == 0) {
              window[0] = System.nanoTime();
            }
            deadline = window[0] + secs * 1_000_000_000L;
          }
          if (messages == 0) {
            log("client " + client + ": mailbox empty");
            return new long[] {0};
          }
          long mine = 0;
          for (int m = 1; System.nanoTime() < deadline; m = m % messages + 1) {
            conn.send("RETR " + m + "\r\n");
            expectOk(conn.line(), "RETR");
            mine += conn.skipMultiline();
            count++;
          }
          bytes.addAndGet(mine);
          conn.send("QUIT\r\n");
          conn.line();
        } finally {
          loggedIn.countDown();
          if (conn != null) {
            conn.close();
          }
        }
        return new long[] {count};
      }));
    }
    long total = 0;
    for (Future<long[]> f : results) {
      total += f.get()[0];
    }
    double elapsed = (System.nanoTime() - window[0]) / 1e9;
    pool.shutdown();
    double mib = bytes.get() / 1048576.0 / elapsed;
    log(String.format(
        "  %d RETR in %.1f s = %.0f msg/s, %.1f MiB/s", total, elapsed, total / elapsed, mib));
    result("pop3_retr_c" + n + "_msg_s", total / elapsed, "msg/s");
    result("pop3_retr_c" + n + "_mib_s", mib, "MiB/s");
  }

  static void login(Conn conn, int client) throws IOException {
    String user = String.format(arg("pop3user", "test%d"), 1 + client);
    conn.send("USER " + user + "\r\n");
    expectOk(conn.line(), "USER");
    conn.send("PASS " + arg("password", "pass") + "\r\n");
    expectOk(conn.line(), "PASS " + user);
  }

  // ---------------------------------------------------------------- idle connections

  /**
   * Opens n SMTP connections at once (non-blocking), waits until every one has read its 220
   * greeting (30 s at most), reads the server's VmRSS before and after, checks that a new client
   * is still served while they are open, then closes them all.
   */
  static void idle(InetSocketAddress at, int n) throws Exception {
    String pid = arg("pid", "");
    log(String.format("idle: %d SMTP connections", n));
    long rssBefore = rss(pid);
    Selector selector = Selector.open();
    List<SocketChannel> channels = new ArrayList<>(n);
    long t0 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      SocketChannel ch = SocketChannel.open();
      ch.configureBlocking(false);
      ch.connect(at);
      ch.register(selector, SelectionKey.OP_CONNECT, new StringBuilder());
      channels.add(ch);
    }
    int greeted = 0;
    int failed = 0;
    int refused = 0;
    long[] when = new long[n];
    ByteBuffer buf = ByteBuffer.allocate(512);
    long deadline = t0 + 30_000_000_000L;
    while (greeted + failed < n && System.nanoTime() < deadline) {
      selector.select(200);
      for (SelectionKey key : selector.selectedKeys()) {
        SocketChannel ch = (SocketChannel) key.channel();
        StringBuilder got = (StringBuilder) key.attachment();
        try {
          if (key.isConnectable()) {
            ch.finishConnect();
            key.interestOps(SelectionKey.OP_READ);
          } else if (key.isReadable()) {
            buf.clear();
            int r = ch.read(buf);
            if (r < 0) {
              throw new IOException("closed before greeting");
            }
            got.append(new String(buf.array(), 0, r, StandardCharsets.US_ASCII));
            if (got.indexOf("\n") >= 0) {
              if (!got.toString().startsWith("220")) {
                if (got.toString().startsWith("421")) {
                  refused++; // a connection limit (counted as failed too)
                }
                throw new IOException("greeting " + got.toString().trim());
              }
              when[greeted++] = System.nanoTime() - t0;
              key.interestOps(0);
            }
          }
        } catch (IOException e) {
          if (failed++ < 3) {
            log("  connection failed: " + e.getMessage());
          }
          key.cancel();
        }
      }
      selector.selectedKeys().clear();
    }
    double allGreeted = (System.nanoTime() - t0) / 1e9;
    long[] times = Arrays.copyOf(when, greeted);
    Arrays.sort(times);
    Thread.sleep(1000); // let the server settle before reading its RSS
    long rssAfter = rss(pid);
    // One more client while the idle ones are held: how long to its greeting and one message.
    long s0 = System.nanoTime();
    double fresh = Double.NaN;
    try (Conn conn = Conn.open(at)) {
      expect(conn.reply(), 220, "greeting");
      fresh = (System.nanoTime() - s0) / 1e6;
      conn.send("QUIT\r\n");
      conn.reply();
    } catch (IOException e) {
      log("  the extra client was not served: " + e);
    }
    for (SocketChannel ch : channels) {
      ch.close();
    }
    selector.close();
    log(String.format(
        "  %d/%d greeted, all in %.2f s (p50 %.0f ms, p99 %.0f ms); failed %d; new client greeted in %.1f ms",
        greeted, n, allGreeted, pct(times, 50), pct(times, 99), failed, fresh));
    log(String.format("  server VmRSS before %d MiB, with %d idle: %d MiB", rssBefore / 1024, greeted, rssAfter / 1024));
    result("idle_greeted", greeted, "count");
    if (refused > 0) {
      result("idle_refused_421", refused, "count");
    }
    result("idle_all_greeted_s", greeted == n ? allGreeted : Double.NaN, "s");
    result("idle_greet_p99_ms", pct(times, 99), "ms");
    result("idle_new_client_greet_ms", fresh, "ms");
    if (rssBefore > 0) {
      result("idle_rss_before_mib", rssBefore / 1024.0, "MiB");
      result("idle_rss_after_mib", rssAfter / 1024.0, "MiB");
    }
  }

  /** VmRSS in KiB of the process, or -1 when unknown. */
  static long rss(String pid) {
    if (pid.isEmpty()) {
      return -1;
    }
    try {
      for (String l : Files.readAllLines(Path.of("/proc", pid, "status"))) {
        if (l.startsWith("VmRSS:")) {
          return Long.parseLong(l.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | NumberFormatException e) {
      log("cannot read VmRSS of " + pid + ": " + e);
    }
    return -1;
  }

  // ---------------------------------------------------------------- plumbing

  /** A blocking client connection with its own unsynchronized line reader. */
  static final class Conn implements AutoCloseable {
    final Socket socket;
    final InputStream in;
    final OutputStream out;
    final byte[] buf = new byte[65536];
    int pos;
    int lim;
    String lastLine = "";

    Conn(Socket socket) throws IOException {
      this.socket = socket;
      this.in = socket.getInputStream();
      this.out = new java.io.BufferedOutputStream(socket.getOutputStream(), 65536);
    }

    static Conn open(InetSocketAddress at) throws IOException {
      Socket s = new Socket();
      s.setTcpNoDelay(true);
      s.setSoTimeout(30_000);
      s.connect(at, 10_000);
      return new Conn(s);
    }

    /**
     * After a 220 to STARTTLS: the same TCP connection wrapped in TLS (handshake done), as a new
     * Conn. Nothing may be buffered from before (RFC 3207 §4.2: the server must not pipeline).
     */
    Conn startTls(InetSocketAddress at, SSLContext ctx) throws IOException {
      if (pos < lim) {
        throw new IOException("server sent " + (lim - pos) + " bytes after its 220 to STARTTLS");
      }
      SSLSocket s = (SSLSocket) ctx.getSocketFactory()
          .createSocket(socket, at.getHostString(), at.getPort(), true);
      s.setUseClientMode(true);
      s.startHandshake();
      return new Conn(s);
    }

    void send(String s) throws IOException {
      out.write(s.getBytes(StandardCharsets.US_ASCII));
      out.flush();
    }

    boolean fill() throws IOException {
      if (pos < lim) {
        return true;
      }
      int r = in.read(buf, 0, buf.length);
      if (r < 0) {
        return false;
      }
      pos = 0;
      lim = r;
      return true;
    }

    /** One line without its CRLF. */
    String line() throws IOException {
      StringBuilder sb = new StringBuilder();
      while (true) {
        if (!fill()) {
          throw new IOException("connection closed by server");
        }
        while (pos < lim) {
          byte b = buf[pos++];
          if (b == '\n') {
            int len = sb.length();
            if (len > 0 && sb.charAt(len - 1) == '\r') {
              sb.setLength(len - 1);
            }
            lastLine = sb.toString();
            return lastLine;
          }
          sb.append((char) (b & 0xff));
        }
      }
    }

    /** An SMTP reply (multi-line too); its code. */
    int reply() throws IOException {
      String l;
      do {
        l = line();
      } while (l.length() > 3 && l.charAt(3) == '-');
      if (l.length() < 3) {
        throw new IOException("bad reply: " + l);
      }
      return Integer.parseInt(l.substring(0, 3));
    }

    /** Skips a POP3 multi-line body up to and including ".\r\n"; the bytes skipped. */
    long skipMultiline() throws IOException {
      long n = 0;
      // state: 0 = at line start, 1 = in line, 2 = saw "." at line start, 3 = saw ".\r"
      int state = 0;
      while (true) {
        if (!fill()) {
          throw new IOException("connection closed in multi-line reply");
        }
        while (pos < lim) {
          byte b = buf[pos++];
          n++;
          switch (state) {
            case 0 -> state = b == '.' ? 2 : b == '\n' ? 0 : 1;
            case 1 -> state = b == '\n' ? 0 : 1;
            case 2 -> state = b == '\r' ? 3 : b == '\n' ? 0 : 1;
            default -> {
              if (b == '\n') {
                return n;
              }
              state = 1;
            }
          }
        }
      }
    }

    @Override
    public void close() {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing a benchmark connection: nothing to recover
      }
    }
  }

  /** The client side of STARTTLS: trusts any certificate (the servers' are self-signed). */
  static final class Tls {
    static final TrustManager[] TRUST_ALL = {
      new X509ExtendedTrustManager() {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String auth) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String auth) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String auth, Socket s) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String auth, Socket s) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String auth, SSLEngine e) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String auth, SSLEngine e) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
          return new X509Certificate[0];
        }
      }
    };
    static volatile SSLContext shared;

    /** A new context per connection (full handshakes) unless tlsresume=yes. */
    static SSLContext context() throws IOException {
      boolean resume = arg("tlsresume", "no").equals("yes");
      SSLContext ctx = resume ? shared : null;
      if (ctx == null) {
        try {
          ctx = SSLContext.getInstance("TLS");
          ctx.init(null, TRUST_ALL, null);
        } catch (GeneralSecurityException e) {
          throw new IOException("cannot make a TLS context", e);
        }
        if (resume) {
          shared = ctx;
        }
      }
      return ctx;
    }

    /** Protocol, cipher suite and the server certificate's key, for the log. */
    static String describe(SSLSocket s) {
      SSLSession session = s.getSession();
      String key = "?";
      try {
        java.security.cert.Certificate[] chain = session.getPeerCertificates();
        if (chain.length > 0 && chain[0] instanceof X509Certificate cert) {
          key = cert.getPublicKey().getAlgorithm() + " certificate " + cert.getSubjectX500Principal();
        }
      } catch (SSLPeerUnverifiedException e) {
        key = "no certificate";
      }
      return session.getProtocol() + ", " + session.getCipherSuite() + ", " + key;
    }
  }

  static void expect(int code, int want, String what) throws IOException {
    if (code != want) {
      throw new IOException(what + ": expected " + want + ", got " + code);
    }
  }

  static String expectOk(String line, String what) throws IOException {
    if (!line.startsWith("+OK")) {
      throw new IOException(what + ": " + line);
    }
    return line;
  }

  static long[] collect(List<Future<long[]>> results) throws Exception {
    long[][] parts = new long[results.size()][];
    int total = 0;
    for (int i = 0; i < parts.length; i++) {
      try {
        parts[i] = results.get(i).get();
      } catch (java.util.concurrent.ExecutionException e) {
        log("client failed: " + e.getCause());
        parts[i] = new long[0];
      }
      total += parts[i].length;
    }
    long[] all = new long[total];
    int at = 0;
    for (long[] p : parts) {
      System.arraycopy(p, 0, all, at, p.length);
      at += p.length;
    }
    return all;
  }

  /** Percentile of sorted nanosecond values, in milliseconds. */
  static double pct(long[] sorted, int p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
  }

  static InetSocketAddress address(String hostPort) {
    int c = hostPort.lastIndexOf(':');
    return new InetSocketAddress(hostPort.substring(0, c), Integer.parseInt(hostPort.substring(c + 1)));
  }

  static String arg(String key, String fallback) {
    return ARGS.getOrDefault(key, fallback);
  }

  static void result(String metric, double value, String unit) {
    System.out.println(String.format(Locale.ROOT, "RESULT %s %s %.2f %s", label, metric, value, unit));
    System.out.flush();
  }

  static void log(String s) {
    System.err.println(s);
    System.err.flush();
  }
}
