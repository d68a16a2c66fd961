package dev.yubin.protocol.sasl;

/** What the server does after a client response: challenge again, or end the exchange. */
public sealed interface SaslStep {

  /** Send this challenge (the engine base64-encodes it) and wait for the next response. */
  record Challenge(byte[] data) implements SaslStep {
    public Challenge {
      data = data.clone();
    }

    @Override
    public byte[] data() {
      return data.clone();
    }
  }

  /** The exchange is over. */
  record Done(AuthResult result) implements SaslStep {}

  static SaslStep challenge(byte[] data) {
    return new Challenge(data);
  }

  static SaslStep done(AuthResult result) {
    return new Done(result);
  }
}
