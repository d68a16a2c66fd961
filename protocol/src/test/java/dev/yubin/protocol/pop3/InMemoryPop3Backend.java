package dev.yubin.protocol.pop3;

import dev.yubin.protocol.sasl.ScramCredentials;
import dev.yubin.protocol.sasl.TestSasl;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A {@link Pop3Backend} in memory, for tests: accounts with passwords, messages per account, the
 * set of locked maildrops, a record of every expunge, seen mark and login, and switches that make
 * operations fail. User names are case-insensitive; the principal is the name in lower case.
 */
public final class InMemoryPop3Backend implements Pop3Backend {

  /** Ways to make the backend misbehave. */
  public enum Failure {
    LOGIN_UNAVAILABLE,
    LOGIN_THROWS,
    OPEN_THROWS,
    RETRIEVE_THROWS,
    EXPUNGE_REFUSES,
    EXPUNGE_THROWS,
    MARK_SEEN_THROWS,
    CLOSE_THROWS
  }

  /** A stored message; {@code content} null means it vanished after the snapshot was taken. */
  private record Stored(String id, String uid, byte[] content) {}

  /** One call of {@link #expunge}. */
  public record Expunge(String principal, List<String> messageIds) {}

  /** One call of {@link #markSeen}. */
  public record SeenMark(String principal, List<String> messageIds) {}

  /** One call of {@link #login} or {@link #scramCredentials} (without a password). */
  public record LoginAttempt(String user, String password, String clientAddress) {}

  /** The salt of every account's SCRAM-SHA-256 verifier. */
  static final byte[] SALT = "pop3-test-salt!!".getBytes(StandardCharsets.US_ASCII);

  private final Map<String, String> passwords = new HashMap<>();
  private final Map<String, List<Stored>> maildrops = new HashMap<>();
  private final Set<String> locked = new HashSet<>();
  private final List<Expunge> expunges = new ArrayList<>();
  private final List<SeenMark> seenMarks = new ArrayList<>();
  private final List<LoginAttempt> logins = new ArrayList<>();
  private final Set<Failure> failures = EnumSet.noneOf(Failure.class);
  private int nextId = 1;

  /**
   * The accounts the dialogue scripts use:
   *
   * <ul>
   *   <li>alice / secret: four messages (plain, leading dots, TOP material, no final CRLF)
   *   <li>bob / correct horse battery staple: an empty maildrop
   *   <li>carol / secret: one message whose content vanished
   *   <li>dave / secret: maildrop locked by another session
   * </ul>
   */
  public static InMemoryPop3Backend standard() {
    InMemoryPop3Backend backend = new InMemoryPop3Backend();
    backend
        .account("alice", "secret")
        .message("alice", "uid-alice-1", "Subject: first\r\n\r\nHello Alice\r\n")
        .message(
            "alice",
            "uid-alice-2",
            "Subject: dots\r\n\r\n.leading dot\r\n..two dots\r\n.\r\nend\r\n")
        .message(
            "alice",
            "uid-alice-3",
            "Subject: top\r\nFrom: carol@example.org\r\n\r\nline 1\r\n.line 2\r\nline 3\r\n")
        .message("alice", "uid-alice-4", "Subject: no final newline\r\n\r\nlast line");
    backend.account("bob", "correct horse battery staple");
    backend.account("carol", "secret").message("carol", "uid-carol-1", "Subject: gone\r\n\r\n");
    backend.vanish("carol", "uid-carol-1");
    backend.account("dave", "secret").message("dave", "uid-dave-1", "Subject: x\r\n\r\n");
    backend.lockByAnotherSession("dave");
    return backend;
  }

  public synchronized InMemoryPop3Backend account(String user, String password) {
    String principal = principalOf(user);
    passwords.put(principal, password);
    maildrops.putIfAbsent(principal, new ArrayList<>());
    return this;
  }

  public synchronized InMemoryPop3Backend message(String user, String uid, String content) {
    maildrops
        .get(principalOf(user))
        .add(new Stored("m" + nextId++, uid, content.getBytes(StandardCharsets.UTF_8)));
    return this;
  }

  /** The message's content disappears but it stays in the listing, as after a concurrent delete. */
  public synchronized void vanish(String user, String uid) {
    List<Stored> messages = maildrops.get(principalOf(user));
    messages.replaceAll(m -> m.uid().equals(uid) ? new Stored(m.id(), m.uid(), null) : m);
  }

  public synchronized void lockByAnotherSession(String user) {
    locked.add(principalOf(user));
  }

  public synchronized void fail(Failure... failure) {
    failures.addAll(List.of(failure));
  }

  public synchronized void heal() {
    failures.clear();
  }

  public synchronized boolean isLocked(String principal) {
    return locked.contains(principal);
  }

  public synchronized List<Expunge> expunges() {
    return List.copyOf(expunges);
  }

  public synchronized List<SeenMark> seenMarks() {
    return List.copyOf(seenMarks);
  }

  public synchronized List<LoginAttempt> logins() {
    return List.copyOf(logins);
  }

  public synchronized List<String> uids(String user) {
    return maildrops.get(principalOf(user)).stream().map(Stored::uid).toList();
  }

  @Override
  public synchronized Pop3Login login(String user, String password, String clientAddress) {
    logins.add(new LoginAttempt(user, password, clientAddress));
    failIf(Failure.LOGIN_THROWS);
    if (failures.contains(Failure.LOGIN_UNAVAILABLE)) {
      return Pop3Login.unavailable();
    }
    String principal = principalOf(user);
    return password.equals(passwords.get(principal))
        ? Pop3Login.accepted(principal)
        : Pop3Login.rejected();
  }

  /** The verifier of the account's password, salted with {@link #SALT}. */
  @Override
  public synchronized ScramCredentials scramCredentials(String user, String clientAddress) {
    logins.add(new LoginAttempt(user, null, clientAddress));
    failIf(Failure.LOGIN_THROWS);
    String password = passwords.get(principalOf(user));
    return password == null ? null : TestSasl.scramCredentials(password, SALT);
  }

  @Override
  public synchronized Maildrop openMaildrop(String principal) {
    failIf(Failure.OPEN_THROWS);
    if (!locked.add(principal)) {
      return Maildrop.lockedByAnother();
    }
    List<Maildrop.Message> listing =
        maildrops.get(principal).stream()
            .map(m -> new Maildrop.Message(m.id(), size(m), m.uid()))
            .toList();
    return new Maildrop(false, listing);
  }

  @Override
  public synchronized InputStream retrieve(String principal, String messageId) {
    failIf(Failure.RETRIEVE_THROWS);
    return maildrops.get(principal).stream()
        .filter(m -> m.id().equals(messageId) && m.content() != null)
        .findFirst()
        .map(m -> (InputStream) new ByteArrayInputStream(m.content()))
        .orElse(null);
  }

  @Override
  public synchronized boolean expunge(String principal, List<String> messageIds) {
    expunges.add(new Expunge(principal, List.copyOf(messageIds)));
    failIf(Failure.EXPUNGE_THROWS);
    if (failures.contains(Failure.EXPUNGE_REFUSES)) {
      return false;
    }
    maildrops.get(principal).removeIf(m -> messageIds.contains(m.id()));
    return true;
  }

  @Override
  public synchronized void markSeen(String principal, List<String> messageIds) {
    failIf(Failure.MARK_SEEN_THROWS);
    seenMarks.add(new SeenMark(principal, List.copyOf(messageIds)));
  }

  @Override
  public synchronized void closeMaildrop(String principal) {
    failIf(Failure.CLOSE_THROWS);
    locked.remove(principal);
  }

  private void failIf(Failure failure) {
    if (failures.contains(failure)) {
      throw new IllegalStateException("simulated failure: " + failure);
    }
  }

  private static long size(Stored message) {
    return message.content() == null ? 0 : message.content().length;
  }

  private static String principalOf(String user) {
    return user.toLowerCase(Locale.ROOT);
  }
}
