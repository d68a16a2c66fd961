package dev.yubin.ejb.reports.domain;

import java.util.Objects;

/**
 * Why a recipient ended as it did, as the Diagnostic-Code field gives it: a type and free text.
 *
 * @param type {@code smtp} for a reply of the remote server, else a name of our own
 * @param text the reply as the server sent it ({@code 550 5.1.1 <a@b.test>: Recipient address
 *     rejected}, lines of a multi-line reply joined by spaces) or our own explanation
 * @see "RFC 3464 §2.3.6"
 */
public record Diagnostic(String type, String text) {

  /** The type of diagnostics made here rather than by a remote server (as Postfix's X-Postfix). */
  public static final String LOCAL_TYPE = "X-Yubin";

  public Diagnostic {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(text, "text");
    if (!type.matches("[A-Za-z0-9][A-Za-z0-9.+-]*")) {
      throw new IllegalArgumentException("not a diagnostic type: " + type);
    }
  }

  /** The reply of the remote SMTP server, e.g. {@code 550 5.1.1 User unknown}. */
  public static Diagnostic smtp(String reply) {
    return new Diagnostic("smtp", reply);
  }

  /** An explanation made here, e.g. {@code connect to mx.b.test[192.0.2.7]: timed out}. */
  public static Diagnostic local(String text) {
    return new Diagnostic(LOCAL_TYPE, text);
  }

  /** Whether this is a remote server's SMTP reply. */
  public boolean isSmtp() {
    return type.equalsIgnoreCase("smtp");
  }
}
