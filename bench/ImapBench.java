/*
 * IMAP load generator: the same IMAP load against several servers (Yubin and Dovecot in
 * bench/imap.sh), alternating between them so that every server sees the machine's load of the
 * moment. One file, JDK only: run it with `java bench/ImapBench.java key=value...`.
 *
 * It prints numbers and asserts nothing. Every phase is bounded in time and count, talks to the
 * given addresses only (loopback in bench/imap.sh) and stops by itself.
 *
 * Arguments (defaults in brackets):
 *   servers=yubin,dovecot  labels, in the order of the first round
 *   <label>.imap=host:port each server's IMAP address (plain, no TLS)
 *   <label>.user=test%d    each server's login pattern, %d is the user's number
 *   <label>.pid=           the process whose tree's memory the idle phase reads (VmRSS, Pss)
 *   password=pass          the password of every user
 *   auth=auto              auto: SCRAM-SHA-256 where CAPABILITY offers it, else LOGIN; or login
 *   users=16               users 1..users carry the mixed load and the idle sessions
 *   seed=200               messages in each of those users' INBOX before the mixed load
 *   clients=32             mixed load: sessions at once (client i is user i % users + 1)
 *   secs=20                mixed load: seconds per round (after a warm-up of secs/4, 3 at least)
 *   rounds=2               mixed load: rounds per server, alternating
 *   commands=10            mixed load: rounds of commands per session between LOGIN and LOGOUT
 *   biguser=17             the user whose INBOX becomes the big mailbox
 *   big=100000             messages in the big mailbox; 0 skips it
 *   distinct=2000          of which this many are APPENDed, the rest COPYs of them
 *   bigreps=3              big mailbox: each operation timed this many times per server
 *   idle=2000              IDLE sessions held open at once per server; 0 skips
 *   size=4096              message size in bytes
 *   phases=fill,mixed,big,idle
 *
 * The INBOXes are emptied and filled over IMAP, the same way on every server: APPEND (LITERAL+,
 * 64 commands in flight), 4 users at a time; the big mailbox gets `distinct` messages by APPEND
 * and the rest by COPY 1:n INBOX, doubling it (both servers store a copy without copying bytes:
 * Dovecot's Maildir a hard link, Yubin a placement of the same content). Messages are 4 KiB
 * text/plain, each APPENDed one with its own Message-ID, a Subject "bench message <n> topic
 * <n % 1000>", a From of one of 50 senders and a Date one minute after the last.
 *
 * Logins: a SCRAM-SHA-256 client keeps the SaltedPassword it derived for a user and salt (RFC 5802
 * §5.1 allows it), so only its first login per user costs it the PBKDF2 iterations, and the server
 * does not hash at all. Where SCRAM is not offered (Dovecot here: passwords in a plain text file),
 * LOGIN.
 *
 * Output: a human-readable log on stderr, and on stdout one line per figure:
 *   RESULT <label> <metric> <value> <unit>
 */

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

public class ImapBench {

  static final Map<String, String> ARGS = new HashMap<>();

  /** One server under test. */
  record Target(String label, InetSocketAddress at, String userPattern, String pid) {
    String user(int n) {
      return String.format(userPattern, n);
    }
  }

  /** The mixed load's commands, in the order a session sends them (names of the latency rows). */
  static final String[] OPS = {
    "login", "list", "select", "fetch_flags", "fetch_envelopes", "fetch_body", "fetch_partial",
    "store", "search", "append", "expunge", "logout"
  };

  public static void main(String[] argv) throws Exception {
    for (String a : argv) {
      int eq = a.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException("expected key=value: " + a);
      }
      ARGS.put(a.substring(0, eq), a.substring(eq + 1));
    }
    List<Target> targets = new ArrayList<>();
    for (String label : arg("servers", "yubin,dovecot").split(",")) {
      targets.add(
          new Target(
              label,
              address(arg(label + ".imap", "127.0.0.1:16143")),
              arg(label + ".user", "test%d"),
              arg(label + ".pid", "")));
    }
    List<String> phases = List.of(arg("phases", "fill,mixed,big,idle").split(","));
    int users = num("users", 16);
    int seed = num("seed", 200);
    int big = num("big", 100_000);
    int bigUser = num("biguser", 17);
    if (phases.contains("fill")) {
      for (Target t : targets) {
        fill(t, users, seed, bigUser, big);
      }
    }
    if (phases.contains("mixed")) {
      mixed(targets);
    }
    if (phases.contains("big") && big > 0) {
      bigMailbox(targets, bigUser);
    }
    if (phases.contains("idle") && num("idle", 2000) > 0) {
      for (Target t : targets) {
        idle(t, num("idle", 2000));
      }
    }
  }

  // ---------------------------------------------------------------- filling

  /** Empties and fills the users' INBOXes (4 at a time), then the big mailbox. */
  static void fill(Target t, int users, int seed, int bigUser, int big) throws Exception {
    log(String.format("%s: filling the INBOXes of users 1..%d with %d messages each", t.label, users, seed));
    long t0 = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<Void>> done = new ArrayList<>();
    for (int u = 1; u <= users; u++) {
      int user = u;
      done.add(pool.submit(() -> {
        refill(t, user, seed, seed);
        return null;
      }));
    }
    for (Future<Void> f : done) {
      f.get();
    }
    pool.shutdown();
    double secs = (System.nanoTime() - t0) / 1e9;
    log(String.format("  %d APPENDs in %.1f s = %.0f/s", users * seed, secs, users * seed / secs));
    result(t.label, "fill_append_msg_s", users * seed / secs, "msg/s");
    if (big > 0) {
      int distinct = Math.min(big, num("distinct", 2000));
      log(String.format("%s: filling %s's INBOX: %d messages by APPEND, then COPY to %d", t.label, t.user(bigUser), distinct, big));
      t0 = System.nanoTime();
      refill(t, bigUser, distinct, big);
      result(t.label, "fill_big_s", (System.nanoTime() - t0) / 1e9, "s");
    }
  }

  /**
   * Empties the user's INBOX, appends {@code distinct} messages (64 APPENDs in flight with
   * LITERAL+), then copies them within the INBOX (COPY 1:n INBOX) until it holds {@code count}.
   */
  static void refill(Target t, int user, int distinct, int count) throws Exception {
    try (Imap imap = Imap.login(t, user)) {
      int exists = imap.select("INBOX");
      if (exists > 0) {
        imap.ok("STORE 1:* +FLAGS.SILENT (\\Deleted)");
        imap.ok("EXPUNGE");
      }
      for (int first = 0; first < distinct; first += 64) {
        int last = Math.min(distinct, first + 64);
        for (int n = first; n < last; n++) {
          imap.sendAppend("INBOX", "", message(n));
        }
        imap.flush();
        for (int n = first; n < last; n++) {
          imap.expectOk(imap.readTagged(null), "APPEND");
        }
      }
      exists = imap.select("INBOX");
      while (exists < count) {
        long c0 = System.nanoTime();
        int copy = Math.min(exists, count - exists);
        imap.ok("COPY 1:" + copy + " INBOX");
        exists = imap.select("INBOX");
        log(String.format("  %s: COPY of %d messages took %.1f s; INBOX has %d", t.label, copy, (System.nanoTime() - c0) / 1e9, exists));
      }
      if (exists != count) {
        throw new IOException(t.label + ": INBOX has " + exists + " messages, not " + count);
      }
    }
  }

  static final DateTimeFormatter RFC5322 =
      DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ROOT);
  static final ZonedDateTime EPOCH = ZonedDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

  /** Message n: its own Message-ID, subject topic n % 1000, one of 50 senders, size bytes. */
  static byte[] message(int n) {
    int size = num("size", 4096);
    StringBuilder sb = new StringBuilder(size);
    sb.append("From: Sender ").append(n % 50).append(" <sender").append(n % 50).append("@client.test>\r\n")
        .append("To: Bench user <user@bench.test>\r\n")
        .append("Subject: bench message ").append(n).append(" topic ").append(n % 1000).append("\r\n")
        .append("Date: ").append(RFC5322.format(EPOCH.plusMinutes(n))).append("\r\n")
        .append("Message-ID: <bench.").append(n).append('.').append(System.nanoTime()).append("@client.test>\r\n")
        .append("MIME-Version: 1.0\r\n")
        .append("Content-Type: text/plain; charset=us-ascii\r\n\r\n");
    String line = "The quick brown fox jumps over the lazy dog, 0123456789 ABCDEFGHIJKLMNOPQRST";
    while (sb.length() + line.length() + 2 <= size - 2) {
      sb.append(line).append("\r\n");
    }
    while (sb.length() < size - 2) {
      sb.append('x');
    }
    sb.append("\r\n");
    return sb.toString().getBytes(StandardCharsets.US_ASCII);
  }

  // ---------------------------------------------------------------- mixed load

  /** Per-command latencies of one round, and the commands completed in its window. */
  static final class Tally {
    final Map<String, long[]> lat = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    final AtomicLong inWindow = new AtomicLong();
    final AtomicLong failures = new AtomicLong();
    final AtomicLong sessions = new AtomicLong();

    synchronized void add(String op, long nanos) {
      long[] l = lat.computeIfAbsent(op, k -> new long[1024]);
      int i = counts.computeIfAbsent(op, k -> new AtomicInteger()).getAndIncrement();
      if (i == l.length) {
        l = Arrays.copyOf(l, i * 2);
        lat.put(op, l);
      }
      l[i] = nanos;
    }

    long[] sorted(String op) {
      AtomicInteger c = counts.get(op);
      if (c == null) {
        return new long[0];
      }
      long[] s = Arrays.copyOf(lat.get(op), c.get());
      Arrays.sort(s);
      return s;
    }

    long[] all() {
      long[] all = new long[0];
      for (String op : OPS) {
        long[] s = sorted(op);
        int at = all.length;
        all = Arrays.copyOf(all, at + s.length);
        System.arraycopy(s, 0, all, at, s.length);
      }
      Arrays.sort(all);
      return all;
    }
  }

  /** Warm-up for every server, then the rounds, alternating the order of the servers. */
  static void mixed(List<Target> targets) throws Exception {
    int clients = num("clients", 32);
    int secs = num("secs", 20);
    int rounds = num("rounds", 2);
    for (Target t : targets) {
      int warm = Math.max(3, secs / 4);
      log(String.format("%s: mixed load warm-up, %d clients, %d s", t.label, clients, warm));
      mixedRound(t, clients, warm, new Tally());
    }
    Map<String, Tally> tallies = new LinkedHashMap<>();
    Map<String, double[]> rates = new HashMap<>();
    for (int r = 0; r < rounds; r++) {
      List<Target> order = new ArrayList<>(targets);
      if (r % 2 == 1) {
        java.util.Collections.reverse(order);
      }
      for (Target t : order) {
        Tally tally = tallies.computeIfAbsent(t.label, k -> new Tally());
        long before = tally.inWindow.get();
        log(String.format("%s: mixed load round %d of %d, %d clients, %d s", t.label, r + 1, rounds, clients, secs));
        double window = mixedRound(t, clients, secs, tally);
        double rate = (tally.inWindow.get() - before) / window;
        rates.computeIfAbsent(t.label, k -> new double[rounds])[r] = rate;
        log(String.format("  %.0f commands/s (%d sessions so far, %d failures)", rate, tally.sessions.get(), tally.failures.get()));
      }
    }
    for (Target t : targets) {
      Tally tally = tallies.get(t.label);
      double[] r = rates.get(t.label);
      result(t.label, "mixed_ops_s", Arrays.stream(r).average().orElse(Double.NaN), "ops/s");
      long[] all = tally.all();
      result(t.label, "mixed_p50_ms", pct(all, 50), "ms");
      result(t.label, "mixed_p99_ms", pct(all, 99), "ms");
      StringBuilder line = new StringBuilder("  " + t.label + " p50/p99 ms:");
      for (String op : OPS) {
        long[] s = tally.sorted(op);
        line.append(String.format(Locale.ROOT, " %s %.1f/%.1f", op, pct(s, 50), pct(s, 99)));
        result(t.label, "mixed_" + op + "_p50_ms", pct(s, 50), "ms");
      }
      log(line.toString());
      result(t.label, "mixed_failures", tally.failures.get(), "count");
    }
  }

  /**
   * One round: {@code clients} sessions at once for {@code secs}; each logs in, LISTs, SELECTs
   * INBOX, runs {@code commands} rounds of FETCH (flags of all, envelopes of 20, one body, a
   * partial text), STORE, SEARCH, APPEND, EXPUNGE of what it appended, and LOGs OUT, again and
   * again. Answers the window in seconds; commands answered inside it are counted.
   */
  static double mixedRound(Target t, int clients, int secs, Tally tally) throws Exception {
    int users = num("users", 16);
    int seed = num("seed", 200);
    int commands = num("commands", 10);
    long begin = System.nanoTime();
    long deadline = begin + secs * 1_000_000_000L;
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    CountDownLatch ready = new CountDownLatch(clients);
    List<Future<Void>> done = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      int client = i;
      done.add(pool.submit(() -> {
        ready.countDown();
        ready.await();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int user = client % users + 1;
        while (System.nanoTime() < deadline) {
          String step = "connect";
          Imap imap = null;
          try {
            long t0 = System.nanoTime();
            imap = Imap.open(t);
            imap.greeting();
            step = "login";
            imap.authenticate(t.user(user), arg("password", "pass"));
            t0 = timed(tally, "login", t0, deadline);
            step = "list";
            imap.ok("LIST \"\" \"*\"");
            t0 = timed(tally, "list", t0, deadline);
            step = "select";
            imap.select("INBOX");
            t0 = timed(tally, "select", t0, deadline);
            for (int c = 0; c < commands && System.nanoTime() < deadline; c++) {
              int m = 1 + random.nextInt(seed);
              int from = 1 + random.nextInt(Math.max(1, seed - 19));
              step = "fetch_flags";
              imap.ok("UID FETCH 1:* (FLAGS)");
              t0 = timed(tally, "fetch_flags", t0, deadline);
              step = "fetch_envelopes";
              imap.ok("FETCH " + from + ":" + (from + 19) + " (UID FLAGS INTERNALDATE RFC822.SIZE ENVELOPE)");
              t0 = timed(tally, "fetch_envelopes", t0, deadline);
              step = "fetch_body";
              imap.ok("FETCH " + m + " (BODY.PEEK[])");
              t0 = timed(tally, "fetch_body", t0, deadline);
              step = "fetch_partial";
              imap.ok("FETCH " + m + " (BODY.PEEK[TEXT]<0.1024>)");
              t0 = timed(tally, "fetch_partial", t0, deadline);
              step = "store";
              imap.ok("STORE " + m + " " + (random.nextBoolean() ? "+" : "-") + "FLAGS (\\Seen)");
              t0 = timed(tally, "store", t0, deadline);
              step = "search";
              imap.ok("UID SEARCH SUBJECT \"topic " + random.nextInt(Math.min(seed, 1000)) + "\"");
              t0 = timed(tally, "search", t0, deadline);
              step = "append";
              imap.sendAppend("INBOX", "(\\Seen)", message(random.nextInt(1_000_000)));
              imap.flush();
              String appended = imap.expectOk(imap.readTagged(null), "APPEND");
              t0 = timed(tally, "append", t0, deadline);
              step = "expunge";
              long uid = appendUid(appended);
              imap.ok("UID STORE " + uid + " +FLAGS.SILENT (\\Deleted)");
              imap.ok("EXPUNGE");
              t0 = timed(tally, "expunge", t0, deadline);
            }
            step = "logout";
            imap.logout();
            timed(tally, "logout", t0, deadline);
            tally.sessions.incrementAndGet();
          } catch (IOException e) {
            tally.failures.incrementAndGet();
            log(String.format("  %s client %d at %s: %s", t.label, client, step, e));
          } finally {
            if (imap != null) {
              imap.close();
            }
          }
        }
        return null;
      }));
    }
    for (Future<Void> f : done) {
      f.get();
    }
    pool.shutdown();
    return Math.min(secs, (System.nanoTime() - begin) / 1e9);
  }

  /** Records the command that started at t0 if it ended inside the window; answers now. */
  static long timed(Tally tally, String op, long t0, long deadline) {
    long now = System.nanoTime();
    if (now <= deadline) {
      tally.add(op, now - t0);
      tally.inWindow.incrementAndGet();
    }
    return now;
  }

  static final Pattern APPENDUID = Pattern.compile("\\[APPENDUID \\d+ (\\d+)\\]");

  static long appendUid(String tagged) throws IOException {
    Matcher m = APPENDUID.matcher(tagged);
    if (!m.find()) {
      throw new IOException("APPEND without APPENDUID: " + tagged);
    }
    return Long.parseLong(m.group(1));
  }

  // ---------------------------------------------------------------- big mailbox

  /** The big mailbox's operations, each timed bigreps times per server, servers alternating. */
  static void bigMailbox(List<Target> targets, int user) throws Exception {
    int reps = num("bigreps", 3);
    String[] ops = {"select", "fetch_flags", "search_header", "sort_date", "store_all"};
    Map<String, long[]> times = new HashMap<>();
    for (int r = 0; r < reps; r++) {
      List<Target> order = new ArrayList<>(targets);
      if (r % 2 == 1) {
        java.util.Collections.reverse(order);
      }
      for (Target t : order) {
        try (Imap imap = Imap.login(t, user)) {
          long[] s = times.computeIfAbsent(t.label, k -> new long[ops.length * reps]);
          long t0 = System.nanoTime();
          int exists = imap.select("INBOX");
          s[r] = System.nanoTime() - t0;
          t0 = System.nanoTime();
          int lines = imap.ok("UID FETCH 1:* (UID FLAGS)");
          s[reps + r] = System.nanoTime() - t0;
          t0 = System.nanoTime();
          String hits = imap.okLine("UID SEARCH HEADER Subject \"topic 42\"", "* SEARCH");
          s[2 * reps + r] = System.nanoTime() - t0;
          t0 = System.nanoTime();
          String sorted = imap.okLine("UID SORT (DATE) UTF-8 ALL", "* SORT");
          s[3 * reps + r] = System.nanoTime() - t0;
          t0 = System.nanoTime();
          imap.ok("UID STORE 1:* " + (r % 2 == 0 ? "+" : "-") + "FLAGS.SILENT (\\Flagged)");
          s[4 * reps + r] = System.nanoTime() - t0;
          log(String.format(
              "%s: big mailbox round %d: EXISTS %d; SELECT %.0f ms, UID FETCH 1:* (UID FLAGS) %.0f ms"
                  + " (%d lines), UID SEARCH HEADER %.0f ms (%d hits), UID SORT (DATE) %.0f ms (%d UIDs),"
                  + " UID STORE 1:* %.0f ms",
              t.label, r + 1, exists, s[r] / 1e6, s[reps + r] / 1e6, lines, s[2 * reps + r] / 1e6,
              count(hits), s[3 * reps + r] / 1e6, count(sorted), s[4 * reps + r] / 1e6));
          imap.logout();
        }
      }
    }
    for (Target t : targets) {
      long[] s = times.get(t.label);
      for (int o = 0; o < ops.length; o++) {
        long[] one = Arrays.copyOfRange(s, o * reps, (o + 1) * reps);
        Arrays.sort(one);
        result(t.label, "big_" + ops[o] + "_ms", pct(one, 50), "ms");
      }
    }
  }

  static int count(String untagged) {
    return untagged == null ? 0 : untagged.trim().split(" ").length - 2;
  }

  // ---------------------------------------------------------------- idle sessions

  /**
   * Opens n sessions (16 threads log them in), each SELECTs INBOX and IDLEs; reads the server's
   * memory before and with them open; times one more session's login and SELECT meanwhile, and how
   * long an APPEND to user 1 takes to reach every IDLE session of user 1 (40 s at most); then
   * closes them all.
   */
  static void idle(Target t, int n) throws Exception {
    int users = num("users", 16);
    log(String.format("%s: %d IDLE sessions", t.label, n));
    long[] before = memory(t.pid);
    List<Imap> sessions = java.util.Collections.synchronizedList(new ArrayList<>());
    AtomicInteger next = new AtomicInteger();
    AtomicLong failed = new AtomicLong();
    long t0 = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(16);
    List<Future<Void>> done = new ArrayList<>();
    for (int w = 0; w < 16; w++) {
      done.add(pool.submit(() -> {
        int i;
        while ((i = next.getAndIncrement()) < n) {
          Imap imap = null;
          try {
            imap = Imap.login(t, i % users + 1);
            imap.select("INBOX");
            imap.startIdle();
            imap.user = i % users + 1;
            sessions.add(imap);
          } catch (IOException e) {
            if (failed.getAndIncrement() < 3) {
              log("  session " + i + " failed: " + e);
            }
            if (imap != null) {
              imap.close();
            }
          }
        }
        return null;
      }));
    }
    for (Future<Void> f : done) {
      f.get();
    }
    pool.shutdown();
    double setup = (System.nanoTime() - t0) / 1e9;
    Thread.sleep(2000); // let the server settle before reading its memory
    long[] with = memory(t.pid);
    double fresh = Double.NaN;
    double wakeAll = Double.NaN;
    long s0 = System.nanoTime();
    try (Imap imap = Imap.login(t, 1)) {
      imap.select("INBOX");
      fresh = (System.nanoTime() - s0) / 1e6;
      // An APPEND to user 1: how long until every IDLE session of user 1 has heard of it.
      List<Imap> watchers = sessions.stream().filter(s -> s.user == 1).toList();
      long a0 = System.nanoTime();
      imap.sendAppend("INBOX", "(\\Seen)", message(0));
      imap.flush();
      long uid = appendUid(imap.expectOk(imap.readTagged(null), "APPEND"));
      int told = 0;
      for (Imap w : watchers) {
        try {
          if (w.waitFor(" EXISTS", 40_000)) {
            told++;
          }
        } catch (IOException e) {
          log("  an IDLE session broke: " + e);
        }
      }
      double wake = (System.nanoTime() - a0) / 1e6;
      log(String.format("  APPEND told to %d of %d IDLE sessions of user 1 in %.0f ms", told, watchers.size(), wake));
      wakeAll = told == watchers.size() ? wake : Double.NaN;
      imap.ok("UID STORE " + uid + " +FLAGS.SILENT (\\Deleted)");
      imap.ok("EXPUNGE");
    } catch (IOException e) {
      log("  the extra session was not served: " + e);
    }
    int open = sessions.size();
    for (Imap s : sessions) {
      s.close();
    }
    log(String.format(
        "  %d of %d sessions IDLE after %.1f s (%d failed); memory before: RSS %d MiB, PSS %d MiB;"
            + " with them: RSS %d MiB, PSS %d MiB; a new session's login and SELECT %.1f ms",
        open, n, setup, failed.get(), before[0] / 1024, before[1] / 1024, with[0] / 1024,
        with[1] / 1024, fresh));
    result(t.label, "idle_sessions", open, "count");
    result(t.label, "idle_setup_s", setup, "s");
    result(t.label, "idle_new_session_ms", fresh, "ms");
    result(t.label, "idle_wake_all_ms", wakeAll, "ms");
    if (before[0] > 0 && open > 0) {
      result(t.label, "idle_rss_before_mib", before[0] / 1024.0, "MiB");
      result(t.label, "idle_rss_with_mib", with[0] / 1024.0, "MiB");
      result(t.label, "idle_rss_per_session_kib", (with[0] - before[0]) / (double) open, "KiB");
      result(t.label, "idle_pss_per_session_kib", (with[1] - before[1]) / (double) open, "KiB");
    }
  }

  /** VmRSS and Pss in KiB summed over the process and its descendants; -1s when unknown. */
  static long[] memory(String pid) {
    if (pid.isEmpty()) {
      return new long[] {-1, -1};
    }
    Map<String, List<String>> children = new HashMap<>();
    try (var dirs = Files.list(Path.of("/proc"))) {
      for (Path p : dirs.filter(d -> d.getFileName().toString().matches("\\d+")).toList()) {
        try {
          String stat = Files.readString(p.resolve("stat"));
          String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          children.computeIfAbsent(f[1], k -> new ArrayList<>()).add(p.getFileName().toString());
        } catch (IOException gone) {
          // the process ended meanwhile
        }
      }
    } catch (IOException e) {
      log("cannot list /proc: " + e);
      return new long[] {-1, -1};
    }
    long[] sum = new long[2];
    List<String> todo = new ArrayList<>(List.of(pid));
    while (!todo.isEmpty()) {
      String p = todo.remove(todo.size() - 1);
      sum[0] += field(Path.of("/proc", p, "status"), "VmRSS:");
      sum[1] += field(Path.of("/proc", p, "smaps_rollup"), "Pss:");
      todo.addAll(children.getOrDefault(p, List.of()));
    }
    return sum;
  }

  static long field(Path file, String name) {
    try {
      for (String l : Files.readAllLines(file)) {
        if (l.startsWith(name)) {
          return Long.parseLong(l.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | NumberFormatException e) {
      // a process that ended meanwhile, or a kernel thread
    }
    return 0;
  }

  // ---------------------------------------------------------------- the IMAP client

  /** A blocking IMAP client connection; counts the bytes of the responses it reads. */
  static final class Imap implements AutoCloseable {
    static final Map<String, byte[]> SALTED = new ConcurrentHashMap<>();
    final Socket socket;
    final InputStream in;
    final OutputStream out;
    final byte[] buf = new byte[65536];
    int pos;
    int lim;
    int tag;
    int user;
    String capabilities = "";

    Imap(Socket socket) throws IOException {
      this.socket = socket;
      this.in = socket.getInputStream();
      this.out = new BufferedOutputStream(socket.getOutputStream(), 65536);
    }

    static Imap open(Target t) throws IOException {
      Socket s = new Socket();
      s.setTcpNoDelay(true);
      s.setSoTimeout(120_000);
      s.connect(t.at, 10_000);
      return new Imap(s);
    }

    static Imap login(Target t, int user) throws IOException {
      Imap imap = open(t);
      try {
        imap.greeting();
        imap.authenticate(t.user(user), arg("password", "pass"));
        return imap;
      } catch (IOException | RuntimeException e) {
        imap.close();
        throw e;
      }
    }

    void greeting() throws IOException {
      String g = line();
      if (!g.startsWith("* OK")) {
        throw new IOException("greeting: " + g);
      }
      if (!g.contains("[CAPABILITY ")) {
        okCollect("CAPABILITY", l -> capabilities += l);
      } else {
        capabilities = g;
      }
    }

    void authenticate(String user, String password) throws IOException {
      if (arg("auth", "auto").equals("auto") && capabilities.contains("AUTH=SCRAM-SHA-256")) {
        scram(user, password);
      } else {
        ok("LOGIN " + quote(user) + " " + quote(password));
      }
    }

    /** SCRAM-SHA-256 (RFC 5802, 7677), keeping SaltedPassword per user, salt and count. */
    void scram(String user, String password) throws IOException {
      try {
        byte[] r = new byte[18];
        new SecureRandom().nextBytes(r);
        String nonce = Base64.getEncoder().encodeToString(r);
        String first = "n=" + user.replace("=", "=3D").replace(",", "=2C") + ",r=" + nonce;
        String t = "a" + (++tag);
        send(t + " AUTHENTICATE SCRAM-SHA-256 " + b64("n,," + first) + "\r\n");
        String challenge = line();
        if (!challenge.startsWith("+ ")) {
          throw new IOException("SCRAM: " + challenge);
        }
        String serverFirst = new String(Base64.getDecoder().decode(challenge.substring(2).trim()), StandardCharsets.UTF_8);
        Map<String, String> a = attributes(serverFirst);
        byte[] salt = Base64.getDecoder().decode(a.get("s"));
        int iterations = Integer.parseInt(a.get("i"));
        byte[] salted = SALTED.computeIfAbsent(user + "\0" + a.get("s") + "\0" + iterations, k -> {
          try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256))
                .getEncoded();
          } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
          }
        });
        String withoutProof = "c=biws,r=" + a.get("r");
        String authMessage = first + "," + serverFirst + "," + withoutProof;
        byte[] clientKey = hmac(salted, "Client Key");
        byte[] storedKey = MessageDigest.getInstance("SHA-256").digest(clientKey);
        byte[] signature = hmac(storedKey, authMessage);
        byte[] proof = new byte[clientKey.length];
        for (int i = 0; i < proof.length; i++) {
          proof[i] = (byte) (clientKey[i] ^ signature[i]);
        }
        send(b64(withoutProof + ",p=" + Base64.getEncoder().encodeToString(proof)) + "\r\n");
        String l = line();
        if (l.startsWith("+")) {
          send("\r\n");
          l = readTagged(null, t);
        } else if (!l.startsWith(t + " ")) {
          l = readTagged(null, t);
        }
        if (!l.startsWith(t + " OK")) {
          throw new IOException("SCRAM as " + user + ": " + l);
        }
      } catch (GeneralSecurityException e) {
        throw new IOException(e);
      }
    }

    static Map<String, String> attributes(String s) {
      Map<String, String> a = new HashMap<>();
      for (String kv : s.split(",")) {
        a.put(kv.substring(0, 1), kv.substring(2));
      }
      return a;
    }

    static byte[] hmac(byte[] key, String text) throws GeneralSecurityException {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    }

    static String b64(String s) {
      return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    static String quote(String s) {
      return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** SELECT; the EXISTS count. */
    int select(String mailbox) throws IOException {
      return open("SELECT", mailbox);
    }

    int examine(String mailbox) throws IOException {
      return open("EXAMINE", mailbox);
    }

    private int open(String command, String mailbox) throws IOException {
      int[] exists = {-1};
      okCollect(command + " " + quote(mailbox), l -> {
        if (l.endsWith(" EXISTS")) {
          exists[0] = Integer.parseInt(l.substring(2, l.length() - 7));
        }
      });
      return exists[0];
    }

    /** Sends a command and reads to its tagged OK; the number of untagged lines. */
    int ok(String command) throws IOException {
      int[] n = {0};
      okCollect(command, l -> n[0]++);
      return n[0];
    }

    /** Like ok, answering the untagged line starting with {@code prefix}. */
    String okLine(String command, String prefix) throws IOException {
      String[] found = {null};
      okCollect(command, l -> {
        if (l.startsWith(prefix)) {
          found[0] = l;
        }
      });
      return found[0];
    }

    void okCollect(String command, java.util.function.Consumer<String> untagged) throws IOException {
      String t = "a" + (++tag);
      send(t + " " + command + "\r\n");
      expectOk(readTagged(untagged, t), command.length() > 60 ? command.substring(0, 60) : command);
    }

    String expectOk(String tagged, String what) throws IOException {
      int sp = tagged.indexOf(' ');
      if (!tagged.startsWith("OK", sp + 1)) {
        throw new IOException(what + ": " + tagged);
      }
      return tagged;
    }

    /** Sends an APPEND with a non-synchronizing literal (RFC 7888); not flushed. */
    void sendAppend(String mailbox, String flags, byte[] content) throws IOException {
      String t = "a" + (++tag);
      out.write((t + " APPEND " + quote(mailbox) + (flags.isEmpty() ? "" : " " + flags)
          + " {" + content.length + "+}\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(content);
      out.write('\r');
      out.write('\n');
    }

    void flush() throws IOException {
      out.flush();
    }

    /** Reads untagged lines up to the next tagged one (any tag when tag is null), which it answers. */
    String readTagged(java.util.function.Consumer<String> untagged) throws IOException {
      return readTagged(untagged, null);
    }

    String readTagged(java.util.function.Consumer<String> untagged, String t) throws IOException {
      while (true) {
        String l = response();
        if (l.startsWith("* ") || l.startsWith("+")) {
          if (untagged != null) {
            untagged.accept(l);
          }
        } else if (t == null || l.startsWith(t + " ")) {
          return l;
        }
      }
    }

    void startIdle() throws IOException {
      String t = "a" + (++tag);
      send(t + " IDLE\r\n");
      while (true) {
        String l = line();
        if (l.startsWith("+")) {
          return;
        }
        if (l.startsWith(t + " ")) {
          throw new IOException("IDLE: " + l);
        }
      }
    }

    /** Reads lines until one contains {@code text}; false when none came within the time. */
    boolean waitFor(String text, int millis) throws IOException {
      int old = socket.getSoTimeout();
      socket.setSoTimeout(millis);
      try {
        while (true) {
          if (line().contains(text)) {
            return true;
          }
        }
      } catch (java.net.SocketTimeoutException e) {
        return false;
      } finally {
        socket.setSoTimeout(old);
      }
    }

    void logout() throws IOException {
      ok("LOGOUT");
    }

    void send(String s) throws IOException {
      out.write(s.getBytes(StandardCharsets.UTF_8));
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
            return sb.toString();
          }
          sb.append((char) (b & 0xff));
        }
      }
    }

    /** One response: a line whose literals are skipped (each stands as {n} in what it answers). */
    String response() throws IOException {
      String l = line();
      StringBuilder whole = null;
      while (l.endsWith("}") && l.lastIndexOf('{') >= 0) {
        int open = l.lastIndexOf('{');
        long n;
        try {
          n = Long.parseLong(l.substring(open + 1, l.length() - 1).replace("+", ""));
        } catch (NumberFormatException e) {
          break;
        }
        skip(n);
        if (whole == null) {
          whole = new StringBuilder();
        }
        whole.append(l);
        l = line();
      }
      return whole == null ? l : whole.append(l).toString();
    }

    void skip(long n) throws IOException {
      while (n > 0) {
        if (!fill()) {
          throw new IOException("connection closed in a literal");
        }
        int k = (int) Math.min(n, lim - pos);
        pos += k;
        n -= k;
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

  // ---------------------------------------------------------------- plumbing

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

  static int num(String key, int fallback) {
    return Integer.parseInt(arg(key, String.valueOf(fallback)));
  }

  static void result(String label, String metric, double value, String unit) {
    System.out.println(String.format(Locale.ROOT, "RESULT %s %s %.2f %s", label, metric, value, unit));
    System.out.flush();
  }

  static void log(String s) {
    System.err.println(s);
    System.err.flush();
  }
}
