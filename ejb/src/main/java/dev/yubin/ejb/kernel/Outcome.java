package dev.yubin.ejb.kernel;

/**
 * What became of a request: accepted, refused for now (the sender may retry), or refused for good.
 * Each carries an RFC 3463 enhanced status and a one-line text for the sender. Adapters turn it
 * into their protocol's answer; {@code code} is the basic reply code a filter plugin chose ({@code
 * 0} lets the adapter pick the usual one for its command and the status).
 */
public sealed interface Outcome {

  String status();

  String text();

  static Outcome accepted(String status, String text) {
    return new Accepted(status, text);
  }

  static Outcome temporaryFailure(String status, String text) {
    return new TemporaryFailure(status, text, 0);
  }

  static Outcome permanentFailure(String status, String text) {
    return new PermanentFailure(status, text, 0);
  }

  default boolean isAccepted() {
    return this instanceof Accepted;
  }

  default boolean isPermanentFailure() {
    return this instanceof PermanentFailure;
  }

  /** Accepted ({@code 2.x.x}). */
  record Accepted(String status, String text) implements Outcome {
    @Override
    public String toString() {
      return status + " " + text;
    }
  }

  /** Refused for now ({@code 4.x.x}). */
  record TemporaryFailure(String status, String text, int code) implements Outcome {
    @Override
    public String toString() {
      return status + " " + text;
    }
  }

  /** Refused for good ({@code 5.x.x}). */
  record PermanentFailure(String status, String text, int code) implements Outcome {
    @Override
    public String toString() {
      return status + " " + text;
    }
  }
}
