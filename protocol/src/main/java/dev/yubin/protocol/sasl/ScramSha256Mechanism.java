package dev.yubin.protocol.sasl;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * SCRAM-SHA-256 on the server side, without channel binding (so not the -PLUS variant).
 *
 * <pre>
 * C: gs2-header client-first-bare       gs2-header = "n,," / "y,," / "n,a=authzid,"
 *                                       client-first-bare = "n=" user ",r=" c-nonce [,ext]
 * S: r=c-nonce s-nonce,s=salt,i=iterations
 * C: c=base64(gs2-header),r=nonce,p=proof
 * S: v=ServerSignature                  sent as a challenge; the client answers empty
 * </pre>
 *
 * <p>A gs2 header asking for channel binding ({@code p=}) is refused, as is a mandatory extension
 * ({@code m=}). For an unknown user the exchange runs to the end with fake credentials and fails
 * only then, so that user names cannot be probed. An authorization identity other than the user is
 * refused: there is no backend call to allow it. User names are not SASLprep-ed; they are compared
 * by the backend.
 *
 * @see "RFC 5802 §5 and §7, RFC 7677"
 */
public final class ScramSha256Mechanism implements SaslMechanism {

  public static final String NAME = "SCRAM-SHA-256";

  /** The application's PBKDF2 cost (OWASP 2023), used for fake credentials too. */
  public static final int DEFAULT_FAKE_ITERATIONS = 600_000;

  private static final int NONCE_OCTETS = 18;

  private final Supplier<String> serverNonces;
  private final FakeScramCredentials fakes;

  /** Random 24-character nonces; fake credentials claim {@link #DEFAULT_FAKE_ITERATIONS}. */
  public ScramSha256Mechanism() {
    this(new SecureRandom(), DEFAULT_FAKE_ITERATIONS);
  }

  public ScramSha256Mechanism(SecureRandom random, int fakeIterations) {
    this(randomNonces(random), new FakeScramCredentials(random, fakeIterations));
  }

  /** For tests: the server part of every nonce comes from {@code serverNonces}. */
  ScramSha256Mechanism(Supplier<String> serverNonces, FakeScramCredentials fakes) {
    this.serverNonces = Objects.requireNonNull(serverNonces, "serverNonces");
    this.fakes = Objects.requireNonNull(fakes, "fakes");
  }

  private static Supplier<String> randomNonces(SecureRandom random) {
    return () -> {
      byte[] bytes = new byte[NONCE_OCTETS];
      random.nextBytes(bytes);
      return Base64.getEncoder().encodeToString(bytes);
    };
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public SaslExchange start(SaslAuthenticator authenticator) {
    return new Exchange(authenticator);
  }

  private final class Exchange implements SaslExchange {
    private final SaslAuthenticator authenticator;
    private String user;
    private String gs2Header;
    private String clientFirstBare;
    private String serverFirst;
    private String nonce;
    private ScramCredentials credentials;
    private boolean known;
    private boolean verified;

    Exchange(SaslAuthenticator authenticator) {
      this.authenticator = authenticator;
    }

    @Override
    public SaslStep step(byte[] response) {
      if (response == null) {
        return clientFirstBare == null && serverFirst == null
            ? SaslStep.challenge(new byte[0])
            : SaslStep.done(AuthResult.rejected());
      }
      Optional<String> text = Utf8.decode(response);
      if (text.isEmpty()) {
        return SaslStep.done(AuthResult.rejected());
      }
      if (serverFirst == null) {
        return clientFirst(text.get());
      }
      if (!verified) {
        return clientFinal(text.get());
      }
      // RFC 4954 §4: after additional data with success the client answers with an empty line.
      return SaslStep.done(
          text.get().isEmpty() ? AuthResult.accepted(user) : AuthResult.rejected());
    }

    private SaslStep clientFirst(String message) {
      // gs2-cbind-flag "," [ authzid ] ","
      int first = message.indexOf(',');
      int second = first < 0 ? -1 : message.indexOf(',', first + 1);
      if (second < 0) {
        return SaslStep.done(AuthResult.rejected());
      }
      String flag = message.substring(0, first);
      String authzid = message.substring(first + 1, second);
      if (!flag.equals("n") && !flag.equals("y")) {
        return SaslStep.done(AuthResult.rejected()); // "p=...": channel binding not supported
      }
      if (!authzid.isEmpty() && !authzid.startsWith("a=")) {
        return SaslStep.done(AuthResult.rejected());
      }
      gs2Header = message.substring(0, second + 1);
      clientFirstBare = message.substring(second + 1);
      String[] attributes = clientFirstBare.split(",", -1);
      if (attributes.length < 2
          || !attributes[0].startsWith("n=")
          || !attributes[1].startsWith("r=")
          || attributes[1].length() == 2) {
        return SaslStep.done(AuthResult.rejected());
      }
      Optional<String> name = saslName(attributes[0].substring(2));
      Optional<String> authorization =
          authzid.isEmpty() ? Optional.of("") : saslName(authzid.substring(2));
      if (name.isEmpty() || name.get().isEmpty() || authorization.isEmpty()) {
        return SaslStep.done(AuthResult.rejected());
      }
      user = name.get();
      if (!authorization.get().isEmpty() && !authorization.get().equals(user)) {
        return SaslStep.done(AuthResult.rejected());
      }
      String clientNonce = attributes[1].substring(2);
      if (!isPrintable(clientNonce)) {
        return SaslStep.done(AuthResult.rejected());
      }
      credentials = authenticator.scramCredentials(user);
      known = credentials != null;
      if (!known) {
        credentials = fakes.forUser(user);
      }
      nonce = clientNonce + serverNonces.get();
      serverFirst =
          "r="
              + nonce
              + ",s="
              + Base64.getEncoder().encodeToString(credentials.salt())
              + ",i="
              + credentials.iterations();
      return SaslStep.challenge(serverFirst.getBytes(StandardCharsets.UTF_8));
    }

    private SaslStep clientFinal(String message) {
      int proofAt = message.lastIndexOf(",p=");
      if (proofAt < 0) {
        return SaslStep.done(AuthResult.rejected());
      }
      String withoutProof = message.substring(0, proofAt);
      String[] attributes = withoutProof.split(",", -1);
      String expectedBinding =
          "c=" + Base64.getEncoder().encodeToString(gs2Header.getBytes(StandardCharsets.UTF_8));
      if (attributes.length < 2
          || !attributes[0].equals(expectedBinding)
          || !attributes[1].equals("r=" + nonce)) {
        return SaslStep.done(AuthResult.rejected());
      }
      byte[] proof;
      try {
        proof = Base64.getDecoder().decode(message.substring(proofAt + 3));
      } catch (IllegalArgumentException e) {
        return SaslStep.done(AuthResult.rejected()); // not base64: a malformed proof
      }
      String authMessage = clientFirstBare + "," + serverFirst + "," + withoutProof;
      byte[] storedKey = credentials.storedKey();
      byte[] clientSignature = Crypto.hmac(storedKey, authMessage);
      if (proof.length != clientSignature.length) {
        return SaslStep.done(AuthResult.rejected());
      }
      byte[] clientKey = new byte[proof.length];
      for (int i = 0; i < proof.length; i++) {
        clientKey[i] = (byte) (proof[i] ^ clientSignature[i]);
      }
      boolean match = MessageDigest.isEqual(Crypto.sha256(clientKey), storedKey);
      if (!match || !known) {
        return SaslStep.done(AuthResult.rejected());
      }
      verified = true;
      byte[] serverSignature = Crypto.hmac(credentials.serverKey(), authMessage);
      String serverFinal = "v=" + Base64.getEncoder().encodeToString(serverSignature);
      return SaslStep.challenge(serverFinal.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String user() {
      return user;
    }
  }

  /** saslname: "=2C" is ",", "=3D" is "="; any other "=" is an error (RFC 5802 §5.1). */
  private static Optional<String> saslName(String text) {
    StringBuilder name = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ',') {
        return Optional.empty();
      }
      if (c != '=') {
        name.append(c);
      } else if (text.startsWith("=2C", i)) {
        name.append(',');
        i += 2;
      } else if (text.startsWith("=3D", i)) {
        name.append('=');
        i += 2;
      } else {
        return Optional.empty();
      }
    }
    return Optional.of(name.toString());
  }

  /** printable = %x21-2B / %x2D-7E (RFC 5802 §7). */
  private static boolean isPrintable(String nonce) {
    return nonce.chars().allMatch(c -> c >= 0x21 && c <= 0x7e && c != ',');
  }
}
