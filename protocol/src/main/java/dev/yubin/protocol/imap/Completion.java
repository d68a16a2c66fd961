package dev.yubin.protocol.imap;

/**
 * How a command ends: its tagged status response (RFC 3501 §7.1), or {@link #PENDING} when the
 * command goes on over later lines (IDLE, AUTHENTICATE) and will complete itself.
 *
 * @param status OK, NO or BAD
 * @param code the response code without brackets (e.g. {@code TRYCREATE}), or null
 */
public record Completion(Status status, String code, String text) {

  public enum Status {
    OK,
    NO,
    BAD
  }

  /** The command continues; the session writes nothing now. */
  public static final Completion PENDING = new Completion(Status.OK, null, "");

  public static Completion ok(String text) {
    return new Completion(Status.OK, null, text);
  }

  public static Completion ok(String code, String text) {
    return new Completion(Status.OK, code, text);
  }

  public static Completion no(String text) {
    return new Completion(Status.NO, null, text);
  }

  public static Completion no(String code, String text) {
    return new Completion(Status.NO, code, text);
  }

  public static Completion bad(String text) {
    return new Completion(Status.BAD, null, text);
  }

  public static Completion bad(String code, String text) {
    return new Completion(Status.BAD, code, text);
  }
}
