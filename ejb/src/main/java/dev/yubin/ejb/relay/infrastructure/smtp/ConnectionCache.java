package dev.yubin.ejb.relay.infrastructure.smtp;

import dev.yubin.ejb.platform.infrastructure.dns.HostAndPort;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Keeps SMTP sessions open for a moment after a delivery, so that the next message to the same next
 * hop goes over the same session instead of a new connection, greeting, EHLO and TLS handshake (as
 * Postfix's connection cache does). A session is kept when it still works, for at most {@link
 * Limits#idle} between messages, and is retired after {@link Limits#maxAge} or {@link
 * Limits#maxMessages}. Before reuse it is checked with RSET; one that fails is closed and a new one
 * opened, so a server that dropped an idle session costs nothing. Thread-safe: each session is used
 * by one delivery at a time.
 */
public final class ConnectionCache implements AutoCloseable {

  /** How long an unused session's QUIT may take before its connection is just closed. */
  static final Duration QUIT_PATIENCE = Duration.ofSeconds(5);

  /**
   * How sessions are reused.
   *
   * @param idle how long an unused session stays open (Postfix's {@code
   *     smtp_connection_cache_time_limit} is 2 s)
   * @param maxAge how long after it opened a session takes no more messages ({@code
   *     smtp_connection_reuse_time_limit}, 300 s)
   * @param maxMessages how many messages one session carries at most
   * @param maxIdlePerHop how many unused sessions are kept for one next hop
   */
  public record Limits(Duration idle, Duration maxAge, int maxMessages, int maxIdlePerHop) {

    public static final Limits DEFAULTS =
        new Limits(Duration.ofSeconds(2), Duration.ofMinutes(5), 100, 8);

    /** No reuse: every delivery opens and closes its own session. */
    public static final Limits NONE = new Limits(Duration.ZERO, Duration.ZERO, 1, 0);
  }

  /** Which sessions are interchangeable: the same next hop, reached the same way. */
  private record Hop(HostAndPort target, ClientSettings settings) {}

  /** A session and its history. */
  private static final class Session {
    final SmtpConnection connection;
    final Instant opened;
    int messages;
    Instant idleSince;

    Session(SmtpConnection connection, Instant opened) {
      this.connection = connection;
      this.opened = opened;
    }
  }

  private final SmtpClient client;
  private final Limits limits;
  private final Clock clock;
  private final Map<Hop, Deque<Session>> idle = new HashMap<>();
  private boolean closed;

  public ConnectionCache(SmtpClient client, Limits limits) {
    this(client, limits, Clock.systemUTC());
  }

  ConnectionCache(SmtpClient client, Limits limits, Clock clock) {
    this.client = Objects.requireNonNull(client, "client");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Delivers one message to {@code target}: over a kept session when one works, else over a new
   * one, which is kept afterwards if the limits allow. Never throws for trouble.
   */
  public DeliveryReport deliver(
      HostAndPort target, ClientSettings settings, OutboundMessage message) {
    return deliver(target, settings, message, Instant.MAX);
  }

  /**
   * As {@link #deliver(HostAndPort, ClientSettings, OutboundMessage)}, no step of the session
   * waiting past {@code deadline} but the server's verdict on the message (see {@link
   * SmtpConnection#deadline}).
   */
  public DeliveryReport deliver(
      HostAndPort target, ClientSettings settings, OutboundMessage message, Instant deadline) {
    Hop hop = new Hop(target, settings);
    Session session = reusable(hop, deadline);
    if (session == null) {
      session = new Session(client.connect(target, settings, deadline), clock.instant());
    }
    DeliveryReport report = session.connection.send(message);
    session.connection.deadline(Instant.MAX); // an idle session's QUIT has its own patience
    session.messages++;
    keepOrQuit(hop, session);
    return report;
  }

  /**
   * Closes sessions that have been unused for longer than {@link Limits#idle}; called periodically
   * (every second or so).
   */
  public void expireIdle() {
    Instant now = clock.instant();
    List<Session> expired = new ArrayList<>();
    synchronized (this) {
      for (Deque<Session> sessions : idle.values()) {
        sessions.removeIf(
            s -> {
              boolean old = !s.idleSince.plus(limits.idle()).isAfter(now);
              if (old) {
                expired.add(s);
              }
              return old;
            });
      }
      idle.values().removeIf(Deque::isEmpty);
    }
    expired.forEach(s -> s.connection.quit(QUIT_PATIENCE));
  }

  /** How many unused sessions are open. */
  public synchronized int idleSessions() {
    return idle.values().stream().mapToInt(Deque::size).sum();
  }

  /** Quits every unused session; later deliveries use sessions of their own. */
  @Override
  public void close() {
    List<Session> all = new ArrayList<>();
    synchronized (this) {
      closed = true;
      idle.values().forEach(all::addAll);
      idle.clear();
    }
    all.forEach(s -> s.connection.quit(QUIT_PATIENCE));
  }

  /** A kept session for {@code hop} that still works, or null. */
  private Session reusable(Hop hop, Instant deadline) {
    while (true) {
      Session session;
      synchronized (this) {
        Deque<Session> sessions = idle.get(hop);
        session = sessions == null ? null : sessions.pollFirst();
      }
      if (session == null) {
        return null;
      }
      session.connection.deadline(deadline);
      if (session.connection.reset()) {
        return session;
      }
      session.connection.quit(); // the server closed it, or it failed: try the next one
    }
  }

  private void keepOrQuit(Hop hop, Session session) {
    Instant now = clock.instant();
    boolean keep =
        session.connection.isOpen()
            && session.messages < limits.maxMessages()
            && now.isBefore(session.opened.plus(limits.maxAge()));
    if (keep) {
      synchronized (this) {
        Deque<Session> sessions = idle.computeIfAbsent(hop, h -> new ArrayDeque<>());
        if (!closed && sessions.size() < limits.maxIdlePerHop()) {
          session.idleSince = now;
          sessions.addFirst(session);
          return;
        }
        if (sessions.isEmpty()) {
          idle.remove(hop);
        }
      }
    }
    session.connection.quit();
  }
}
