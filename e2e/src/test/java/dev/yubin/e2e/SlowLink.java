package dev.yubin.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A slow network link in front of a server: a TCP forwarder on the server's address that delays
 * every chunk the server sends back by a fixed time (the client's data passes at once), and whose
 * gate lets a counted number of connections through; later ones wait at the gate, connected but not
 * greeted, until it opens further. Transparent to TLS (it copies bytes, it does not read SMTP).
 *
 * <p>Tests use it to hold a relay in a known state (nothing through, some through) and to widen the
 * window between the next hop's commit and the sender hearing about it.
 */
final class SlowLink implements AutoCloseable {

  private final ServerSocket listener;
  private final InetSocketAddress target;
  private final long delayMillis;
  private final ExecutorService threads =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "e2e-slow-link");
            t.setDaemon(true);
            return t;
          });
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final Object gate = new Object();
  private int admitted;
  private int limit;
  private volatile boolean closed;

  private SlowLink(ServerSocket listener, InetSocketAddress target, Duration delay) {
    this.listener = listener;
    this.target = target;
    this.delayMillis = delay.toMillis();
  }

  /**
   * A link on a free port of {@code bind} to {@code bind:targetPort}, delaying what the target
   * sends by {@code delay}; its gate starts closed (see {@link #admitUpTo(int)}).
   */
  static SlowLink start(String bind, int targetPort, Duration delay) {
    try {
      ServerSocket listener = new ServerSocket(0, 50, InetAddress.getByName(bind));
      SlowLink link = new SlowLink(listener, new InetSocketAddress(bind, targetPort), delay);
      link.threads.execute(link::acceptLoop);
      return link;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int port() {
    return listener.getLocalPort();
  }

  /** Lets connections through until {@code total} have passed since the start; later ones wait. */
  void admitUpTo(int total) {
    synchronized (gate) {
      limit = total;
      gate.notifyAll();
    }
  }

  /** Lets every waiting and future connection through. */
  void open() {
    admitUpTo(Integer.MAX_VALUE);
  }

  /** How many connections have passed the gate so far. */
  int admitted() {
    synchronized (gate) {
      return admitted;
    }
  }

  private void acceptLoop() {
    while (!closed) {
      Socket client;
      try {
        client = listener.accept();
      } catch (IOException e) {
        if (!closed) {
          System.out.println("[e2e] slow link: accept failed: " + e);
        }
        return;
      }
      open.add(client);
      threads.execute(() -> serve(client));
    }
  }

  private void serve(Socket client) {
    Socket server = null;
    try {
      if (!passGate()) {
        return;
      }
      server = new Socket();
      open.add(server);
      // From the client's own address, so the server's trace names the real sender.
      server.bind(new InetSocketAddress(client.getInetAddress(), 0));
      server.connect(target, 10_000);
      client.setTcpNoDelay(true);
      server.setTcpNoDelay(true);
      Socket upstream = server;
      threads.execute(() -> pump(client, upstream, 0));
      pump(upstream, client, delayMillis);
    } catch (IOException e) {
      // the client went away (or the server refused): both ends are closed below
    } finally {
      closeQuietly(client);
      closeQuietly(server);
    }
  }

  /** Waits for the gate; false when the link closed meanwhile. */
  private boolean passGate() {
    synchronized (gate) {
      while (!closed && admitted >= limit) {
        try {
          gate.wait(1000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
      if (closed) {
        return false;
      }
      admitted++;
      return true;
    }
  }

  /**
   * Copies {@code from} to {@code to}, each chunk after {@code delay} ms; closes both at the end.
   */
  private void pump(Socket from, Socket to, long delay) {
    byte[] buffer = new byte[16384];
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      int n;
      while ((n = in.read(buffer)) >= 0) {
        if (delay > 0) {
          Thread.sleep(delay); // the link's latency, not a wait for an event
        }
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (SocketException e) {
      // reset or closed by the other pump
    } catch (IOException e) {
      // the connection broke: both ends are closed below
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  private void closeQuietly(Socket socket) {
    if (socket == null) {
      return;
    }
    open.remove(socket);
    try {
      socket.close();
    } catch (IOException ignored) {
      // already closed
    }
  }

  @Override
  public void close() {
    closed = true;
    synchronized (gate) {
      gate.notifyAll();
    }
    try {
      listener.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    for (Socket socket : open) {
      closeQuietly(socket);
    }
    threads.shutdownNow();
    try {
      threads.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
