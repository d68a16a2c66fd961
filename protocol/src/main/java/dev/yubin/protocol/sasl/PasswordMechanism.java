package dev.yubin.protocol.sasl;

import java.util.Optional;

/**
 * A mechanism whose responses carry the password as it is (PLAIN, LOGIN): a client that sends no
 * initial response gets {@link #firstChallenge()}; every response, decoded as UTF-8, goes to {@link
 * #next}.
 */
abstract class PasswordMechanism implements SaslMechanism {

  private final String name;

  PasswordMechanism(String name) {
    this.name = name;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final boolean isPlaintext() {
    return true;
  }

  @Override
  public final SaslExchange start(SaslAuthenticator authenticator) {
    return new Exchange(authenticator);
  }

  /** The challenge to a client that sent no initial response. */
  abstract byte[] firstChallenge();

  /** The step after a response: its text, empty when it was missing or not UTF-8. */
  abstract SaslStep next(Exchange exchange, Optional<String> text);

  /** One exchange: the authenticator to ask and the user named so far. */
  final class Exchange implements SaslExchange {
    final SaslAuthenticator authenticator;
    String user;
    private boolean challenged;

    private Exchange(SaslAuthenticator authenticator) {
      this.authenticator = authenticator;
    }

    @Override
    public SaslStep step(byte[] response) {
      if (response == null && !challenged) {
        challenged = true;
        return SaslStep.challenge(firstChallenge());
      }
      return next(this, response == null ? Optional.empty() : Utf8.decode(response));
    }

    @Override
    public String user() {
      return user;
    }
  }
}
