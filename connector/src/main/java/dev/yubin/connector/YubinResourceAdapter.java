package dev.yubin.connector;

import dev.yubin.protocol.ProtocolSessionFactory;
import dev.yubin.protocol.imap.ImapConfig;
import dev.yubin.protocol.imap.ImapSessionFactory;
import dev.yubin.protocol.imap.backend.ImapBackend;
import dev.yubin.protocol.pop3.Pop3Backend;
import dev.yubin.protocol.pop3.Pop3Config;
import dev.yubin.protocol.pop3.Pop3SessionFactory;
import dev.yubin.protocol.sasl.AuthFailureLimiter;
import dev.yubin.protocol.smtp.SmtpBackend;
import dev.yubin.protocol.smtp.SmtpConfig;
import dev.yubin.protocol.smtp.SmtpSessionFactory;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ConfigProperty;
import jakarta.resource.spi.Connector;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.TransactionSupport;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.io.Serializable;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.transaction.xa.XAResource;

/**
 * Yubin's resource adapter. It owns the network: when an MDB implementing a protocol's backend
 * interface is activated, the adapter opens that protocol's listener and routes the engine's
 * backend calls to the MDB; when the MDB goes away, the listener closes.
 *
 * <p>Every setting can come from a system property or environment variable (see {@link Settings})
 * or from the adapter's configuration ({@code create-resource-adapter-config --property ...}).
 */
@Connector(
    displayName = "Yubin mail listeners",
    vendorName = "Yubin",
    eisType = "Internet mail",
    version = "0.1",
    transactionSupport = TransactionSupport.TransactionSupportLevel.NoTransaction)
public class YubinResourceAdapter implements ResourceAdapter, Serializable {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(YubinResourceAdapter.class.getName());

  @ConfigProperty(description = "Listen address for every protocol (yubin.bind)")
  private String bind;

  @ConfigProperty(description = "Our host name in greetings and trace headers (yubin.hostname)")
  private String hostname;

  @ConfigProperty(description = "SMTP (MX) port (yubin.smtp.port)")
  private Integer smtpPort;

  @ConfigProperty(description = "POP3 port (yubin.pop3.port)")
  private Integer pop3Port;

  @ConfigProperty(description = "Largest message accepted, in bytes (yubin.smtp.max-message-size)")
  private Integer maxMessageSize;

  @ConfigProperty(description = "Threads that run engines and backend calls (yubin.workers)")
  private Integer workers;

  private transient EventLoopGroup eventLoops;
  private transient WorkerPool workerPool;
  private transient Map<MessageEndpointFactory, List<Listener>> listeners;
  private transient TlsContext tls;

  /** Failed logins per client network and user, counted across SMTP AUTH and POP3 alike. */
  private transient AuthFailureLimiter authFailures;

  @Override
  public void start(BootstrapContext context) throws ResourceAdapterInternalException {
    WorkManagerExecutor threads = new WorkManagerExecutor(context.getWorkManager());
    int ioThreads = Settings.integer("yubin.io-threads", null, 2);
    eventLoops = new NioEventLoopGroup(ioThreads, threads);
    workerPool = new WorkerPool(Settings.integer("yubin.workers", workers, 32), threads);
    listeners = new ConcurrentHashMap<>();
    tls = new TlsContext(tlsSource(), Clock.systemUTC());
    authFailures =
        new AuthFailureLimiter(
            Settings.integer(
                "yubin.auth.max-failures-per-network",
                null,
                AuthFailureLimiter.DEFAULT_MAX_PER_NETWORK),
            Settings.integer(
                "yubin.auth.max-failures-per-user", null, AuthFailureLimiter.DEFAULT_MAX_PER_USER),
            Duration.ofSeconds(
                Settings.integer(
                    "yubin.auth.failure-window",
                    null,
                    (int) AuthFailureLimiter.DEFAULT_WINDOW.toSeconds())),
            Clock.systemUTC());
    LOG.info("Yubin resource adapter started");
  }

  @Override
  public void stop() {
    listeners.values().forEach(l -> l.forEach(Listener::stop));
    listeners.clear();
    eventLoops.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    workerPool.stop();
    LOG.info("Yubin resource adapter stopped");
  }

  @Override
  public void endpointActivation(MessageEndpointFactory factory, ActivationSpec spec)
      throws ResourceException {
    List<Listener> opened = new ArrayList<>();
    try {
      for (Listener listener : listenersFor(factory, spec)) {
        listener.start(eventLoops, eventLoops, workerPool);
        opened.add(listener);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      opened.forEach(Listener::stop);
      throw new ResourceException("interrupted while binding", e);
    } catch (RuntimeException e) {
      opened.forEach(Listener::stop);
      throw new ResourceException("cannot listen: " + e.getMessage(), e);
    }
    listeners.put(factory, opened);
  }

  @Override
  public void endpointDeactivation(MessageEndpointFactory factory, ActivationSpec spec) {
    List<Listener> closing = listeners.remove(factory);
    if (closing != null) {
      closing.forEach(Listener::stop);
    }
  }

  /**
   * SMTP: the MX port (STARTTLS, no AUTH), submission (STARTTLS, AUTH required, RFC 6409) and
   * submissions (implicit TLS, RFC 8314). POP3: plain with STLS (RFC 1939, RFC 2595; passwords only
   * under TLS or from this machine unless {@code yubin.pop3.cleartext-login}) and implicit TLS (RFC
   * 8314). IMAP likewise: plain with STARTTLS (RFC 9051; passwords only under TLS or from this
   * machine unless {@code yubin.imap.cleartext-login}) and implicit TLS. A port set to 0 is not
   * opened.
   */
  private List<Listener> listenersFor(MessageEndpointFactory factory, ActivationSpec spec)
      throws ResourceException {
    List<Listener> list = new ArrayList<>();
    if (spec instanceof SmtpActivationSpec) {
      SmtpBackend backend = EndpointInvoker.proxy(SmtpBackend.class, factory);
      SmtpConfig mx = smtpConfig();
      SmtpConfig submission =
          mx.withAuth(true, true)
              .withAuthRequiresTls(
                  Boolean.parseBoolean(
                      Settings.string("yubin.submission.auth-requires-tls", null, "true")));
      add(
          list,
          "SMTP",
          "smtp",
          smtpPort,
          2525,
          false,
          new SmtpSessionFactory(mx, backend, authFailures));
      add(
          list,
          "Submission",
          "submission",
          null,
          5870,
          false,
          new SmtpSessionFactory(submission, backend, authFailures));
      add(
          list,
          "Submissions",
          "submissions",
          null,
          4650,
          true,
          new SmtpSessionFactory(submission, backend, authFailures));
    } else if (spec instanceof Pop3ActivationSpec) {
      Pop3Backend backend = EndpointInvoker.proxy(Pop3Backend.class, factory);
      Pop3Config config =
          Pop3Config.defaults(hostname())
              .withTls(
                  true,
                  Boolean.parseBoolean(
                      Settings.string("yubin.pop3.cleartext-login", null, "false")));
      Pop3SessionFactory pop3 = new Pop3SessionFactory(config, backend, authFailures);
      add(list, "POP3", "pop3", pop3Port, 1100, false, pop3);
      add(list, "POP3S", "pop3s", null, 9950, true, pop3);
    } else if (spec instanceof ImapActivationSpec) {
      ImapBackend backend = EndpointInvoker.proxy(ImapBackend.class, factory);
      ImapConfig config =
          ImapConfig.defaults(hostname())
              .withTls(
                  true,
                  Boolean.parseBoolean(
                      Settings.string("yubin.imap.cleartext-login", null, "false")));
      ImapSessionFactory imap = new ImapSessionFactory(config, backend, authFailures);
      add(list, "IMAP", "imap", null, 1430, false, imap);
      add(list, "IMAPS", "imaps", null, 9930, true, imap);
    } else {
      throw new ResourceException("unsupported activation spec " + spec);
    }
    return list;
  }

  @Override
  public XAResource[] getXAResources(ActivationSpec[] specs) {
    return new XAResource[0];
  }

  /**
   * Adds a listener unless its port is 0.
   *
   * @param key names its settings: {@code yubin.<key>.port}, {@code .max-connections}, {@code
   *     .max-connections-per-ip}
   */
  private void add(
      List<Listener> list,
      String name,
      String key,
      Integer port,
      int defaultPort,
      boolean implicitTls,
      ProtocolSessionFactory engine) {
    int number = Settings.integer("yubin." + key + ".port", port, defaultPort);
    if (number == 0) {
      return;
    }
    String address = Settings.string("yubin.bind", bind, "127.0.0.1");
    list.add(
        new Listener(
            name,
            new InetSocketAddress(address, number),
            engine,
            tls,
            implicitTls,
            ConnectionLimiter.forListener(key)));
  }

  /**
   * The TLS identity: PEM files ({@code yubin.tls.certificate}, {@code yubin.tls.key}), a PKCS#12
   * store ({@code yubin.tls.keystore}, {@code yubin.tls.keystore-password}), or else a self-signed
   * certificate generated into the data directory.
   */
  private TlsContext.Source tlsSource() {
    String certificate = Settings.string("yubin.tls.certificate", null, null);
    String key = Settings.string("yubin.tls.key", null, null);
    String keyStore = Settings.string("yubin.tls.keystore", null, null);
    if (certificate != null && key != null) {
      return new TlsContext.Pem(Path.of(certificate), Path.of(key));
    }
    if (keyStore != null) {
      String password = Settings.string("yubin.tls.keystore-password", null, "");
      return new TlsContext.Pkcs12(Path.of(keyStore), password.toCharArray());
    }
    Path dataDirectory = Path.of(Settings.string("yubin.data.dir", null, "./data"));
    return SelfSignedCertificate.ensure(dataDirectory.toAbsolutePath(), hostname());
  }

  private String hostname() {
    return Settings.string("yubin.hostname", hostname, Settings.localHostName());
  }

  /** The MX port's policy and the limits every SMTP port shares. */
  private SmtpConfig smtpConfig() {
    return new SmtpConfig(
            hostname(),
            Settings.integer(
                "yubin.smtp.max-message-size",
                maxMessageSize,
                (int) SmtpConfig.DEFAULT_MAX_MESSAGE_SIZE),
            Settings.integer("yubin.smtp.max-recipients", null, SmtpConfig.DEFAULT_MAX_RECIPIENTS),
            Settings.integer("yubin.smtp.max-errors", null, SmtpConfig.DEFAULT_MAX_ERRORS),
            seconds("yubin.smtp.command-timeout", SmtpConfig.DEFAULT_COMMAND_TIMEOUT),
            seconds("yubin.smtp.data-timeout", SmtpConfig.DEFAULT_DATA_TIMEOUT))
        .withTlsAvailable(true);
  }

  private static Duration seconds(String key, Duration fallback) {
    return Duration.ofSeconds(Settings.integer(key, null, (int) fallback.toSeconds()));
  }

  // JavaBean accessors for the container's configuration.

  public String getBind() {
    return bind;
  }

  public void setBind(String bind) {
    this.bind = bind;
  }

  public String getHostname() {
    return hostname;
  }

  public void setHostname(String hostname) {
    this.hostname = hostname;
  }

  public Integer getSmtpPort() {
    return smtpPort;
  }

  public void setSmtpPort(Integer smtpPort) {
    this.smtpPort = smtpPort;
  }

  public Integer getPop3Port() {
    return pop3Port;
  }

  public void setPop3Port(Integer pop3Port) {
    this.pop3Port = pop3Port;
  }

  public Integer getMaxMessageSize() {
    return maxMessageSize;
  }

  public void setMaxMessageSize(Integer maxMessageSize) {
    this.maxMessageSize = maxMessageSize;
  }

  public Integer getWorkers() {
    return workers;
  }

  public void setWorkers(Integer workers) {
    this.workers = workers;
  }

  @Override
  public boolean equals(Object other) {
    return this == other;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }
}
