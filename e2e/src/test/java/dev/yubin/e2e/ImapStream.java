package dev.yubin.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stream of IMAP changes to one account's INBOX, for a test that kills the server in the middle
 * of it: one session APPENDs messages, another STOREs flags and keywords on those already appended.
 * Every tagged OK is recorded with what it acknowledged (the APPENDUID, the flags now set), and so
 * is the one command each session has in flight, which may or may not have happened.
 */
final class ImapStream {

  private static final Pattern APPENDUID = Pattern.compile("\\[APPENDUID (\\d+) (\\d+)\\]");
  private static final Pattern UID = Pattern.compile("[( ]UID (\\d+)");
  private static final Pattern FLAGS = Pattern.compile("FLAGS \\(([^)]*)\\)");
  private static final List<String> FLAG_POOL =
      List.of(
          "\\Seen",
          "\\Answered",
          "\\Flagged",
          "\\Deleted",
          "\\Draft",
          "$Forwarded",
          "$Label1",
          "Work");

  /** A message the server acknowledged (or may have stored: the one in flight). */
  record Appended(long uid, byte[] content, Set<String> flags) {}

  /** A STORE in flight: the message and its flags if it happened. */
  record FlagsInFlight(long uid, Set<String> after) {}

  private final YubinServer server;
  private final String user;
  private final Map<Long, Appended> appended = new ConcurrentHashMap<>();
  private final Map<Long, Set<String>> flags = new ConcurrentHashMap<>();
  private final AtomicInteger stores = new AtomicInteger();
  private volatile long uidValidity = -1;
  private volatile Appended appendInFlight;
  private volatile FlagsInFlight storeInFlight;
  private volatile Throwable failure;
  private volatile boolean stopping;

  ImapStream(YubinServer server, String user) {
    this.server = server;
    this.user = user;
  }

  @Override
  public String toString() {
    return appended.size()
        + " APPENDs and "
        + stores.get()
        + " STOREs acknowledged; in flight: "
        + (appendInFlight == null ? "no APPEND" : "an APPEND")
        + ", "
        + (storeInFlight == null ? "no STORE" : "a STORE of UID " + storeInFlight.uid());
  }

  /** Whether at least that many APPENDs and STOREs were acknowledged. */
  boolean acknowledged(int appends, int flagChanges) {
    return appended.size() >= appends && stores.get() >= flagChanges;
  }

  /** What went wrong in a session before the server was stopped; null if nothing. */
  Throwable failure() {
    return failure;
  }

  /** The server is about to go: a closed connection from now on is expected. */
  void stopping() {
    stopping = true;
  }

  /** The appending session, until the connection breaks. */
  void append() {
    run(
        () -> {
          try (RawImap imap = RawImap.login(server, user, Clients.PASSWORD)) {
            for (int i = 0; ; i++) {
              Set<String> initial = initialFlags(i);
              byte[] content = message(i);
              appendInFlight = new Appended(-1, content, initial);
              RawImap.Response response = imap.append("INBOX", list(initial), content, i % 3 == 0);
              assertThat(response.tagged()).as("APPEND " + i).startsWith("OK");
              Matcher uid = APPENDUID.matcher(response.tagged());
              assertThat(uid.find()).as("APPENDUID in " + response.tagged()).isTrue();
              long validity = Long.parseLong(uid.group(1));
              if (uidValidity < 0) {
                uidValidity = validity;
              }
              assertThat(validity).isEqualTo(uidValidity);
              long number = Long.parseLong(uid.group(2));
              assertThat(appended).doesNotContainKey(number);
              flags.put(number, initial);
              appended.put(number, new Appended(number, content, initial));
              appendInFlight = null;
            }
          }
        });
  }

  /** The session that changes flags, until the connection breaks. */
  void store() {
    run(
        () -> {
          Random random = new Random(8);
          try (RawImap imap = RawImap.login(server, user, Clients.PASSWORD)) {
            assertThat(imap.command("SELECT INBOX").tagged()).startsWith("OK");
            while (true) {
              List<Long> known = new ArrayList<>(appended.keySet());
              // Announces the messages appended since: a UID STORE acts on those the session knows.
              assertThat(imap.command("NOOP").tagged()).startsWith("OK");
              if (known.isEmpty()) {
                continue;
              }
              long uid = known.get(random.nextInt(known.size()));
              Set<String> before = flags.get(uid);
              Set<String> after = new TreeSet<>(before);
              String operation;
              if (random.nextInt(3) < 2) {
                String flag = FLAG_POOL.get(random.nextInt(FLAG_POOL.size()));
                operation = after.remove(flag) ? "-FLAGS" : "+FLAGS";
                if (operation.equals("+FLAGS")) {
                  after.add(flag);
                }
                operation += " (" + flag + ")";
              } else {
                after.clear();
                while (after.isEmpty() || after.equals(before)) {
                  after.add(FLAG_POOL.get(random.nextInt(FLAG_POOL.size())));
                }
                operation = "FLAGS " + list(after);
              }
              storeInFlight = new FlagsInFlight(uid, after);
              RawImap.Response response = imap.command("UID STORE " + uid + " " + operation);
              assertThat(response.tagged()).as("UID STORE " + uid).startsWith("OK");
              assertThat(fetched(response.lines(""), uid))
                  .as("the flags the STORE of UID " + uid + " answered")
                  .isEqualTo(after);
              flags.put(uid, after);
              stores.incrementAndGet();
              storeInFlight = null;
            }
          }
        });
  }

  /**
   * After the restart: every acknowledged APPEND there once with its UID, bytes and acknowledged
   * flags; only the APPEND in flight may be there besides, whole; UIDNEXT and the next APPENDUID
   * above every UID ever handed out; no content file left over.
   */
  void verifyAfterRestart() {
    assertThat(appended).isNotEmpty();
    try (RawImap imap = RawImap.login(server, user, Clients.PASSWORD)) {
      RawImap.Response select = imap.command("SELECT INBOX");
      assertThat(select.tagged()).startsWith("OK");
      assertThat(select.code("UIDVALIDITY")).as("UIDVALIDITY").isEqualTo(uidValidity);
      long uidNext = select.code("UIDNEXT");
      RawImap.Response fetch = imap.command("UID FETCH 1:* (UID FLAGS BODY.PEEK[])");
      assertThat(fetch.tagged()).startsWith("OK");
      Map<Long, byte[]> bodies = new HashMap<>();
      Map<Long, Set<String>> found = new HashMap<>();
      for (RawImap.Line line : fetch.lines("")) {
        if (RawImap.fetchNumber(line) < 0) {
          continue;
        }
        long uid = uid(line);
        assertThat(bodies).as("UID " + uid + " listed twice").doesNotContainKey(uid);
        assertThat(line.literals()).as("BODY[] of UID " + uid).hasSize(1);
        bodies.put(uid, line.literals().get(0));
        found.put(uid, flagsOf(line));
      }
      for (Appended message : appended.values()) {
        long uid = message.uid();
        assertThat(bodies).as("acknowledged UID " + uid).containsKey(uid);
        assertThat(bodies.get(uid)).as("the bytes of UID " + uid).isEqualTo(message.content());
        FlagsInFlight pending = storeInFlight;
        if (pending != null && pending.uid() == uid) {
          assertThat(found.get(uid))
              .as("UID " + uid + ": the acknowledged flags or those of the STORE in flight")
              .isIn(flags.get(uid), pending.after());
        } else {
          assertThat(found.get(uid)).as("the flags of UID " + uid).isEqualTo(flags.get(uid));
        }
      }
      Set<Long> extra = new HashSet<>(bodies.keySet());
      extra.removeAll(appended.keySet());
      assertThat(extra).as("messages never acknowledged").hasSizeLessThanOrEqualTo(1);
      for (long uid : extra) {
        Appended pending = appendInFlight;
        assertThat(pending).as("UID " + uid + " was never acknowledged nor in flight").isNotNull();
        assertThat(bodies.get(uid)).as("the APPEND in flight, whole").isEqualTo(pending.content());
        assertThat(found.get(uid)).isEqualTo(pending.flags());
      }
      long highest = bodies.keySet().stream().mapToLong(Long::longValue).max().orElseThrow();
      assertThat(uidNext).as("UIDNEXT").isGreaterThan(highest);
      RawImap.Response next = imap.append("INBOX", "", message(-1), false);
      Matcher uid = APPENDUID.matcher(next.tagged());
      assertThat(uid.find()).as("APPENDUID in " + next.tagged()).isTrue();
      assertThat(Long.parseLong(uid.group(1))).isEqualTo(uidValidity);
      assertThat(Long.parseLong(uid.group(2))).isGreaterThanOrEqualTo(uidNext);
      assertThat(server.storedMessageFilesFor(user))
          .as("content files (temporary ones included): one per message")
          .hasSize(bodies.size() + 1);
    }
  }

  private void run(Runnable session) {
    try {
      session.run();
    } catch (UncheckedIOException e) {
      if (!stopping) {
        failure = e;
      }
    } catch (Throwable e) {
      failure = e;
    }
  }

  /** The flags an untagged FETCH of UID among LINES reports, \Recent left out. */
  private static Set<String> fetched(List<RawImap.Line> lines, long uid) {
    return lines.stream()
        .filter(line -> RawImap.fetchNumber(line) > 0 && uid(line) == uid)
        .map(ImapStream::flagsOf)
        .findFirst()
        .orElse(null);
  }

  private static long uid(RawImap.Line line) {
    Matcher m = UID.matcher(line.text());
    if (!m.find()) {
      throw new AssertionError("no UID in " + line.text());
    }
    return Long.parseLong(m.group(1));
  }

  private static Set<String> flagsOf(RawImap.Line line) {
    Matcher m = FLAGS.matcher(line.text());
    if (!m.find()) {
      throw new AssertionError("no FLAGS in " + line.text());
    }
    Set<String> set = new TreeSet<>(List.of(m.group(1).split(" ")));
    set.remove("");
    set.remove("\\Recent");
    return set;
  }

  private static String list(Set<String> flags) {
    return flags.isEmpty() ? "" : "(" + String.join(" ", flags) + ")";
  }

  private static Set<String> initialFlags(int i) {
    return switch (i % 4) {
      case 0 -> new TreeSet<>(Set.of("\\Seen"));
      case 1 -> new TreeSet<>(Set.of("$Label" + (i % 3)));
      case 2 -> new TreeSet<>();
      default -> new TreeSet<>(Set.of("\\Flagged", "\\Draft"));
    };
  }

  /** Message I: a few hundred bytes, a few KiB, 60 KiB or 300 KiB, each unique. */
  private byte[] message(int i) {
    int lines = i % 10 == 9 ? 6000 : i % 5 == 2 ? 1200 : i % 2 == 0 ? 60 : 2; // ~50 bytes a line
    StringBuilder text =
        new StringBuilder()
            .append("From: Stream <stream@sender.example>\r\n")
            .append("To: <")
            .append(user)
            .append(">\r\n")
            .append("Subject: append ")
            .append(i)
            .append(" \u00e9t\u00e9\r\n")
            .append("Message-ID: <append-")
            .append(i)
            .append("-")
            .append(System.nanoTime())
            .append("@sender.example>\r\n")
            .append("MIME-Version: 1.0\r\n")
            .append("Content-Type: text/plain; charset=UTF-8\r\n")
            .append("\r\n");
    for (int line = 0; line < lines; line++) {
      text.append("line ").append(line).append(" of message ").append(i).append(" 郵便\r\n");
    }
    return text.toString().getBytes(UTF_8);
  }
}
