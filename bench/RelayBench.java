/*
 * Relay benchmark: messages submitted to a relaying server (Yubin A, or Postfix) for the
 * domain of a second server (Yubin B), which the first reaches by MX lookup (Yubin) or a
 * transport route (Postfix). Measures how fast the relay empties a burst into B, and the
 * end-to-end latency from the relay's 250 to the message lying in B's maildrop.
 *
 * Compiled together with Bench.java (it uses Bench's client connection, STARTTLS and
 * percentile helpers): bench/relay.sh does `javac -d DIR bench/Bench.java bench/RelayBench.java`
 * and runs `java -cp DIR RelayBench key=value...`. Prints numbers, asserts nothing.
 *
 * Arguments (defaults in brackets):
 *   label=yubin                 name printed in every RESULT line
 *   submit=127.0.0.2:16587      where messages are submitted (A's submission port, or Postfix)
 *   tls=yes                     STARTTLS before anything else
 *   auth=bench@a.test:pass      AUTH PLAIN once per session; "-" for none (Postfix relays for
 *                               its mynetworks)
 *   from=bench@a.test           MAIL FROM
 *   rcpt=test%d@b.test          recipient pattern, %d is 1..users
 *   users=16
 *   maildir=                    B's <data dir>/mail, watched (inotify) for arrivals; required
 *   queue=                      A's <data dir>/queue (Yubin only): an entry's envelope deleted
 *                               there means B answered 250 to A for it
 *   pop3=127.0.0.3:16110        B's POP3, to check after each phase that every message is
 *                               retrievable there (and count copies); "-" to skip
 *   pop3user=test%d@b.test  password=pass
 *   size=4096                   message size in bytes (headers + body, before the final dot)
 *   messages=1000  clients=4    burst: this many messages from this many sessions, at once
 *   sequential=100              one message at a time, the next once the last is at B
 *   timeout=300                 seconds a phase waits for its messages at B
 *   cpu=                        processes whose CPU time the burst reports per message, as
 *                               name:pid (one process, its threads included) or name:tree:pid (a
 *                               process and its descendants, e.g. Postfix's master), comma-separated
 *   clktck=100                  clock ticks per second of /proc/<pid>/stat (getconf CLK_TCK)
 *   phases=warmup,burst,sequential
 *
 * Latency is measured from reading the relay's 250 (end of DATA) to the moment the message file
 * appears in B's maildrop (renamed into place there after it is forced to disk; B inserts the
 * index row and answers 250 right after, so a POP3 login then finds it). With queue=, also to A's
 * queue entry being deleted (A has B's 250: the message is retrievable at B by then).
 *
 * Output: a readable log on stderr; on stdout one line per figure:
 *   RESULT <label> <metric> <value> <unit>
 */

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

public class RelayBench {

  static final Map<String, String> ARGS = new HashMap<>();
  static final Pattern SEQ = Pattern.compile("(?m)^X-Bench-Seq: (\\S+) (\\d+)\r?$");
  static final Pattern QUEUED_AS = Pattern.compile("queued as (\\S+)");
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
    List<String> phases = List.of(arg("phases", "warmup,burst,sequential").split(","));
    if (arg("maildir", "").isEmpty()) {
      throw new IllegalArgumentException("maildir= (B's <data dir>/mail) is required");
    }
    try (Arrivals atB = new Arrivals(Path.of(arg("maildir", "")), false);
        Arrivals doneAtA =
            arg("queue", "").isEmpty() ? null : new Arrivals(Path.of(arg("queue", "")), true)) {
      int users = Integer.parseInt(arg("users", "16"));
      if (phases.contains("warmup")) {
        // One message per user (creates B's folders), then a short burst: the JIT, pools and
        // TLS code of both servers warm up. Not counted.
        log("warm-up: " + users + " messages, then a burst of 200 from 4 sessions");
        Run warm = new Run("warmup", users);
        submit(warm, 1);
        warm.await(atB, doneAtA);
        Run warm2 = new Run("warmup2", 200);
        submit(warm2, 4);
        warm2.await(atB, doneAtA);
      }
      if (phases.contains("burst")) {
        burst(atB, doneAtA);
      }
      if (phases.contains("sequential")) {
        sequential(atB, doneAtA);
      }
    }
  }

  /** Every message submitted at once from `clients` sessions; how fast they all reach B. */
  static void burst(Arrivals atB, Arrivals doneAtA) throws Exception {
    int n = Integer.parseInt(arg("messages", "1000"));
    int clients = Integer.parseInt(arg("clients", "4"));
    log(String.format("burst: %d messages from %d sessions", n, clients));
    Run run = new Run("burst", n);
    Cpu cpu = new Cpu(arg("cpu", ""));
    long[] cpuBefore = cpu.sample();
    long begin = System.nanoTime();
    submit(run, clients);
    long submitted = System.nanoTime();
    run.await(atB, doneAtA);
    long[] cpuAfter = cpu.sample();
    long[] arrived = run.arrivals(atB);
    Arrays.sort(arrived);
    int got = arrived.length;
    double acceptRate = n / ((submitted - begin) / 1e9);
    double relayRate = got == 0 ? Double.NaN : got / ((arrived[got - 1] - begin) / 1e9);
    // The middle 80 % of arrivals: the relay's pace once it runs, without ramp-up and tail.
    double steady = Double.NaN;
    if (got >= 10) {
      int lo = got / 10;
      int hi = got - 1 - got / 10;
      steady = (hi - lo) / ((arrived[hi] - arrived[lo]) / 1e9);
    }
    long[] latency = run.latencies(atB);
    log(String.format(
        "  accepted by the relay at %.1f msg/s (%.1f s); %d/%d at B after %.1f s: %.1f msg/s"
            + " overall, %.1f msg/s in the middle 80 %%",
        acceptRate, (submitted - begin) / 1e9, got, n,
        got == 0 ? Double.NaN : (arrived[got - 1] - begin) / 1e9, relayRate, steady));
    log(String.format(
        "  250 at the relay -> in B's maildrop: p50 %.0f ms, p99 %.0f ms, max %.0f ms",
        Bench.pct(latency, 50), Bench.pct(latency, 99), Bench.pct(latency, 100)));
    result("relay_burst_accept_msg_s", acceptRate, "msg/s");
    result("relay_burst_msg_s", relayRate, "msg/s");
    result("relay_burst_steady_msg_s", steady, "msg/s");
    result("relay_burst_p50_ms", Bench.pct(latency, 50), "ms");
    result("relay_burst_p99_ms", Bench.pct(latency, 99), "ms");
    result("relay_burst_missing", n - got, "count");
    if (doneAtA != null) {
      long[] done = run.latencies(doneAtA);
      log(String.format(
          "  250 at the relay -> A's entry done (B's 250 received): p50 %.0f ms, p99 %.0f ms",
          Bench.pct(done, 50), Bench.pct(done, 99)));
      result("relay_burst_done_p50_ms", Bench.pct(done, 50), "ms");
      result("relay_burst_done_p99_ms", Bench.pct(done, 99), "ms");
    }
    for (int i = 0; i < cpu.names.size(); i++) {
      double ms = (cpuAfter[i] - cpuBefore[i]) * 1000.0 / cpu.ticksPerSecond / Math.max(1, got);
      log(String.format("  CPU of %s: %.1f ms per message", cpu.names.get(i), ms));
      result("relay_burst_cpu_" + cpu.names.get(i) + "_ms", ms, "ms");
    }
    verify(run, atB);
  }

  /** One message at a time over one session; the next is sent once the last one is at B. */
  static void sequential(Arrivals atB, Arrivals doneAtA) throws Exception {
    int n = Integer.parseInt(arg("sequential", "100"));
    log(String.format("sequential: %d messages, one at a time", n));
    Run run = new Run("seq", n);
    try (Session s = Session.open()) {
      for (int i = 1; i <= n; i++) {
        s.send(run, i);
        run.awaitOne(atB, i);
        if (doneAtA != null) {
          run.awaitOne(doneAtA, i);
        }
      }
    }
    long[] latency = run.latencies(atB);
    log(String.format(
        "  250 at the relay -> in B's maildrop: p50 %.0f ms, p99 %.0f ms (%d messages)",
        Bench.pct(latency, 50), Bench.pct(latency, 99), latency.length));
    result("relay_seq_p50_ms", Bench.pct(latency, 50), "ms");
    result("relay_seq_p99_ms", Bench.pct(latency, 99), "ms");
    result("relay_seq_missing", n - latency.length, "count");
    if (doneAtA != null) {
      long[] done = run.latencies(doneAtA);
      log(String.format(
          "  250 at the relay -> A's entry done: p50 %.0f ms, p99 %.0f ms",
          Bench.pct(done, 50), Bench.pct(done, 99)));
      result("relay_seq_done_p50_ms", Bench.pct(done, 50), "ms");
      result("relay_seq_done_p99_ms", Bench.pct(done, 99), "ms");
    }
    verify(run, atB);
  }

  /** `clients` sessions take the run's messages in turn until all are acknowledged. */
  static void submit(Run run, int clients) throws Exception {
    AtomicInteger next = new AtomicInteger(1);
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<Integer>> sessions = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      sessions.add(pool.submit(() -> {
        int sent = 0;
        try (Session s = Session.open()) {
          for (int seq = next.getAndIncrement(); seq <= run.count; seq = next.getAndIncrement()) {
            s.send(run, seq);
            sent++;
          }
        }
        return sent;
      }));
    }
    for (Future<Integer> f : sessions) {
      f.get();
    }
    pool.shutdown();
  }

  /** After a phase: every message of the run retrievable over POP3 at B, and how many copies. */
  static void verify(Run run, Arrivals atB) throws IOException {
    String pop3 = arg("pop3", "127.0.0.3:16110");
    if (pop3.equals("-")) {
      return;
    }
    InetSocketAddress at = Bench.address(pop3);
    int users = Integer.parseInt(arg("users", "16"));
    Map<Integer, Integer> copies = new HashMap<>();
    for (int u = 1; u <= users; u++) {
      try (Bench.Conn conn = Bench.Conn.open(at)) {
        Bench.expectOk(conn.line(), "greeting");
        String user = String.format(arg("pop3user", "test%d@b.test"), u);
        conn.send("USER " + user + "\r\n");
        Bench.expectOk(conn.line(), "USER");
        conn.send("PASS " + arg("password", "pass") + "\r\n");
        Bench.expectOk(conn.line(), "PASS " + user);
        conn.send("STAT\r\n");
        int messages = Integer.parseInt(Bench.expectOk(conn.line(), "STAT").split(" ")[1]);
        for (int m = 1; m <= messages; m++) {
          conn.send("TOP " + m + " 0\r\n");
          Bench.expectOk(conn.line(), "TOP");
          StringBuilder header = new StringBuilder();
          for (String l = conn.line(); !l.equals("."); l = conn.line()) {
            header.append(l).append("\r\n");
          }
          Matcher mm = SEQ.matcher(header);
          if (mm.find() && mm.group(1).equals(run.id)) {
            copies.merge(Integer.parseInt(mm.group(2)), 1, Integer::sum);
          }
        }
        conn.send("QUIT\r\n");
        conn.line();
      }
    }
    int extra = copies.values().stream().mapToInt(c -> c - 1).sum();
    log(String.format(
        "  POP3 at B: %d of %d messages retrievable, %d extra copies",
        copies.size(), run.count, extra));
    result("relay_" + run.name + "_pop3_retrievable", copies.size(), "count");
    if (extra > 0) {
      result("relay_" + run.name + "_pop3_extra_copies", extra, "count");
    }
  }

  /** One run of messages: their ids, the relay's acknowledgement times and queue ids. */
  static final class Run {
    final String name;
    final String id;
    final int count;
    final long[] acked;
    final String[] queueIds;

    Run(String name, int count) {
      this.name = name;
      this.id = label + "-" + name + "-" + UUID.randomUUID().toString().substring(0, 8);
      this.count = count;
      this.acked = new long[count + 1];
      this.queueIds = new String[count + 1];
    }

    String key(int seq, Arrivals where) {
      return where.byQueueId ? queueIds[seq] : id + " " + seq;
    }

    /** Waits until every acknowledged message is at B (and done at A), at most timeout= s. */
    void await(Arrivals atB, Arrivals doneAtA) throws InterruptedException {
      long deadline = System.nanoTime() + Long.parseLong(arg("timeout", "300")) * 1_000_000_000L;
      for (Arrivals where : new Arrivals[] {atB, doneAtA}) {
        if (where == null) {
          continue;
        }
        for (int seq = 1; seq <= count; seq++) {
          if (!where.await(key(seq, where), deadline)) {
            log(String.format(
                "  timed out: %d of %d %s", arrivals(where).length, count,
                where.byQueueId ? "done at A" : "at B"));
            return;
          }
        }
      }
    }

    void awaitOne(Arrivals where, int seq) throws InterruptedException {
      long deadline = System.nanoTime() + Long.parseLong(arg("timeout", "300")) * 1_000_000_000L;
      if (!where.await(key(seq, where), deadline)) {
        log("  timed out waiting for message " + seq);
      }
    }

    long[] arrivals(Arrivals where) {
      long[] t = new long[count];
      int n = 0;
      for (int seq = 1; seq <= count; seq++) {
        Long at = where.time(key(seq, where));
        if (at != null) {
          t[n++] = at;
        }
      }
      return Arrays.copyOf(t, n);
    }

    /** Sorted nanoseconds from each message's 250 at the relay to its event. */
    long[] latencies(Arrivals where) {
      long[] t = new long[count];
      int n = 0;
      for (int seq = 1; seq <= count; seq++) {
        Long at = where.time(key(seq, where));
        if (at != null && acked[seq] != 0) {
          t[n++] = at - acked[seq];
        }
      }
      long[] sorted = Arrays.copyOf(t, n);
      Arrays.sort(sorted);
      return sorted;
    }
  }

  /** One submission session: STARTTLS and AUTH PLAIN as configured, then transactions. */
  static final class Session implements AutoCloseable {
    Bench.Conn conn;
    final int size = Integer.parseInt(arg("size", "4096"));
    final Map<Integer, byte[]> rests = new HashMap<>();

    private Session(Bench.Conn conn) {
      this.conn = conn;
    }

    static Session open() throws IOException {
      InetSocketAddress at = Bench.address(arg("submit", "127.0.0.2:16587"));
      Bench.Conn conn = Bench.Conn.open(at);
      Session s = new Session(conn);
      try {
        Bench.expect(conn.reply(), 220, "greeting");
        conn.send("EHLO relay-bench.client.test\r\n");
        Bench.expect(conn.reply(), 250, "EHLO");
        if (arg("tls", "yes").equals("yes")) {
          conn.send("STARTTLS\r\n");
          Bench.expect(conn.reply(), 220, "STARTTLS");
          s.conn = conn.startTls(at, Bench.Tls.context());
          s.conn.send("EHLO relay-bench.client.test\r\n");
          Bench.expect(s.conn.reply(), 250, "EHLO after STARTTLS");
        }
        String auth = arg("auth", "bench@a.test:pass");
        if (!auth.equals("-")) {
          int colon = auth.indexOf(':');
          String token = Base64.getEncoder().encodeToString(
              ("\0" + auth.substring(0, colon) + "\0" + auth.substring(colon + 1))
                  .getBytes(StandardCharsets.UTF_8));
          s.conn.send("AUTH PLAIN " + token + "\r\n");
          Bench.expect(s.conn.reply(), 235, "AUTH PLAIN");
        }
        return s;
      } catch (IOException | RuntimeException e) {
        s.close();
        throw e;
      }
    }

    /** One transaction; records the time of the 250 and the queue id it names. */
    void send(Run run, int seq) throws IOException {
      int users = Integer.parseInt(arg("users", "16"));
      String to = String.format(arg("rcpt", "test%d@b.test"), 1 + (seq - 1) % users);
      conn.send("MAIL FROM:<" + arg("from", "bench@a.test") + ">\r\n");
      Bench.expect(conn.reply(), 250, "MAIL");
      conn.send("RCPT TO:<" + to + ">\r\n");
      Bench.expect(conn.reply(), 250, "RCPT " + to);
      conn.send("DATA\r\n");
      Bench.expect(conn.reply(), 354, "DATA");
      String header =
          "From: Relay bench <" + arg("from", "bench@a.test") + ">\r\n"
              + "To: <" + to + ">\r\n"
              + "Subject: relay bench " + run.name + " " + seq + "\r\n"
              + "Message-ID: <" + run.id + "." + seq + "@relay-bench.client.test>\r\n"
              + "X-Bench-Seq: " + run.id + " " + seq + "\r\n";
      conn.out.write(header.getBytes(StandardCharsets.US_ASCII));
      conn.out.write(rest(size - header.length()));
      conn.out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
      conn.out.flush();
      int code = conn.reply();
      long t = System.nanoTime();
      if (code != 250) {
        throw new IOException("message " + seq + ": final dot answered " + conn.lastLine);
      }
      run.acked[seq] = t;
      Matcher m = QUEUED_AS.matcher(conn.lastLine);
      run.queueIds[seq] = m.find() ? m.group(1) : null;
    }

    /**
     * The rest of a message after its varying header lines, `length` bytes or a little less: fixed
     * header fields, a blank line and CRLF lines of text, none starting with a dot. Cached by length.
     */
    byte[] rest(int length) {
      return rests.computeIfAbsent(length, n -> {
        StringBuilder sb = new StringBuilder();
        sb.append("Date: Fri, 27 Nov 2026 00:00:00 +0000\r\n")
            .append("MIME-Version: 1.0\r\n")
            .append("Content-Type: text/plain; charset=us-ascii\r\n\r\n");
        String line = "The quick brown fox jumps over the lazy dog, 0123456789 ABCDEFGHIJKLMNOPQRST";
        while (sb.length() + line.length() + 2 <= n) {
          sb.append(line).append("\r\n");
        }
        int pad = n - sb.length() - 2;
        if (pad > 0) {
          sb.append("x".repeat(pad)).append("\r\n");
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
      });
    }

    @Override
    public void close() {
      try {
        conn.send("QUIT\r\n");
        conn.reply();
      } catch (IOException ignored) {
        // leaving anyway
      }
      conn.close();
    }
  }

  /**
   * Files appearing under a folder tree (inotify through WatchService), or with byQueueId, queue
   * envelopes ({@code <id>.envelope}) deleted in one folder. Each event is timed when it is taken;
   * arrivals are keyed by the X-Bench-Seq header of the file ("<run> <seq>"), deletions by queue id.
   */
  static final class Arrivals implements AutoCloseable {
    final boolean byQueueId;
    final WatchService watcher;
    final Map<WatchKey, Path> folders = new ConcurrentHashMap<>();
    final Map<String, Long> first = new ConcurrentHashMap<>();
    final Map<String, Integer> copies = new ConcurrentHashMap<>();
    final java.util.Set<Path> seen = ConcurrentHashMap.newKeySet();
    final Thread thread;

    Arrivals(Path root, boolean byQueueId) throws IOException {
      this.byQueueId = byQueueId;
      this.watcher = FileSystems.getDefault().newWatchService();
      if (byQueueId) {
        Files.createDirectories(root); // Yubin makes it on first use
        folders.put(root.register(watcher, StandardWatchEventKinds.ENTRY_DELETE), root);
      } else {
        Files.createDirectories(root);
        register(root, System.nanoTime());
      }
      thread = new Thread(this::loop, "relay-bench-watch");
      thread.setDaemon(true);
      thread.start();
    }

    /** Watches a folder and those below it; files already there count as arriving now. */
    void register(Path folder, long now) throws IOException {
      folders.put(folder.register(watcher, StandardWatchEventKinds.ENTRY_CREATE), folder);
      try (Stream<Path> entries = Files.list(folder)) {
        for (Path p : entries.toList()) {
          if (Files.isDirectory(p)) {
            register(p, now);
          } else {
            arrived(p, now);
          }
        }
      }
    }

    void loop() {
      try {
        while (true) {
          WatchKey key = watcher.take();
          long now = System.nanoTime();
          Path folder = folders.get(key);
          for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
              log("  (watch overflow in " + folder + ": rescanning, those arrivals timed now)");
              if (!byQueueId) {
                register(folder, now);
              }
              continue;
            }
            Path p = folder.resolve((Path) event.context());
            if (byQueueId) {
              String name = p.getFileName().toString();
              if (!name.startsWith(".") && name.endsWith(".envelope")) {
                record(name.substring(0, name.length() - ".envelope".length()), now);
              }
            } else if (Files.isDirectory(p)) {
              register(p, now);
            } else {
              arrived(p, now);
            }
          }
          key.reset();
        }
      } catch (InterruptedException | ClosedWatchServiceException e) {
        // closed
      } catch (IOException e) {
        log("watching failed: " + e);
      }
    }

    /** A message file (temporary ones start with a dot); keyed by its X-Bench-Seq header. */
    void arrived(Path file, long now) throws IOException {
      if (file.getFileName().toString().startsWith(".") || !seen.add(file)) {
        return;
      }
      byte[] head;
      try (InputStream in = Files.newInputStream(file)) {
        head = in.readNBytes(8192);
      } catch (java.nio.file.NoSuchFileException e) {
        return; // fetched and deleted already
      }
      Matcher m = SEQ.matcher(new String(head, StandardCharsets.ISO_8859_1));
      if (m.find()) {
        record(m.group(1) + " " + m.group(2), now);
      }
    }

    synchronized void record(String key, long now) {
      first.putIfAbsent(key, now);
      copies.merge(key, 1, Integer::sum);
      notifyAll();
    }

    Long time(String key) {
      return key == null ? null : first.get(key);
    }

    /** False when the deadline passed first. */
    synchronized boolean await(String key, long deadline) throws InterruptedException {
      if (key == null) {
        return false;
      }
      while (!first.containsKey(key)) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        wait(Math.max(1, left / 1_000_000));
      }
      return true;
    }

    @Override
    public void close() throws IOException {
      watcher.close();
    }
  }

  /** CPU time (user + system, in clock ticks) of processes, from /proc/<pid>/stat. */
  static final class Cpu {
    final List<String> names = new ArrayList<>();
    final List<Long> pids = new ArrayList<>();
    final List<Boolean> trees = new ArrayList<>();
    final long ticksPerSecond = Long.parseLong(arg("clktck", "100"));

    Cpu(String spec) {
      for (String item : spec.split(",")) {
        if (item.isBlank()) {
          continue;
        }
        String[] parts = item.split(":");
        names.add(parts[0]);
        trees.add(parts.length == 3 && parts[1].equals("tree"));
        pids.add(Long.parseLong(parts[parts.length - 1]));
      }
    }

    long[] sample() throws IOException {
      long[] ticks = new long[names.size()];
      Map<Long, Long> parents = trees.contains(true) ? parents() : Map.of();
      for (int i = 0; i < ticks.length; i++) {
        long root = pids.get(i);
        long[] own = stat(root);
        if (own == null) {
          continue;
        }
        // A tree also counts the children its root has reaped (cutime, cstime) and live ones.
        ticks[i] = own[0] + own[1] + (trees.get(i) ? own[2] + own[3] : 0);
        if (trees.get(i)) {
          for (Map.Entry<Long, Long> e : parents.entrySet()) {
            if (descends(e.getKey(), root, parents)) {
              long[] child = stat(e.getKey());
              if (child != null) {
                ticks[i] += child[0] + child[1];
              }
            }
          }
        }
      }
      return ticks;
    }

    static boolean descends(long pid, long root, Map<Long, Long> parents) {
      for (Long p = parents.get(pid); p != null && p > 1; p = parents.get(p)) {
        if (p == root) {
          return true;
        }
      }
      return false;
    }

    static Map<Long, Long> parents() throws IOException {
      Map<Long, Long> parents = new HashMap<>();
      try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
        for (Path p : procs.toList()) {
          String name = p.getFileName().toString();
          if (name.chars().allMatch(Character::isDigit)) {
            long[] st = stat(Long.parseLong(name));
            if (st != null) {
              parents.put(Long.parseLong(name), st[4]);
            }
          }
        }
      }
      return parents;
    }

    /** utime, stime, cutime, cstime, ppid; null when the process is gone. */
    static long[] stat(long pid) {
      String text;
      try {
        text = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      } catch (IOException e) {
        return null;
      }
      // After "pid (comm) ": state ppid ... utime is field 14, so index 11 after the comm.
      String[] f = text.substring(text.lastIndexOf(')') + 2).trim().split(" ");
      return new long[] {
        Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[13]),
        Long.parseLong(f[14]), Long.parseLong(f[1])
      };
    }
  }

  static String arg(String key, String fallback) {
    return ARGS.getOrDefault(key, fallback);
  }

  static void result(String metric, double value, String unit) {
    System.out.println(String.format(java.util.Locale.ROOT, "RESULT %s %s %.2f %s", label, metric, value, unit));
    System.out.flush();
  }

  static void log(String s) {
    System.err.println(s);
    System.err.flush();
  }
}
