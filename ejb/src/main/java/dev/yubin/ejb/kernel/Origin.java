package dev.yubin.ejb.kernel;

/**
 * Where a message comes from, as its trace fields, the filters and the submission rules see it.
 *
 * @param kind the way in
 * @param clientAddress the client's IP address (this host's loopback for a report)
 * @param clientName the client as a Received field names it ({@code name [address]}); null for a
 *     report
 * @param heloName the name the client gave in EHLO or HELO; null when none
 * @param protocol the {@code with} clause of a Received field (RFC 3848), e.g. {@code ESMTPSA}
 * @param authenticatedUser the authenticated user; null when none
 */
public record Origin(
    Kind kind,
    String clientAddress,
    String clientName,
    String heloName,
    String protocol,
    String authenticatedUser) {

  /** The ways mail comes in (webmail and JMS will add theirs). */
  public enum Kind {
    /** An SMTP client that did not authenticate: mail for local domains only. */
    MX,
    /** An SMTP client that authenticated (RFC 6409): mail for anywhere. */
    SUBMISSION,
    /** A delivery status notification this server wrote itself, from the null reverse-path. */
    REPORT
  }

  /** An SMTP client: submission when it authenticated, MX otherwise. */
  public static Origin smtp(
      String clientAddress,
      String clientName,
      String heloName,
      String protocol,
      String authenticatedUser) {
    return new Origin(
        authenticatedUser == null ? Kind.MX : Kind.SUBMISSION,
        clientAddress,
        clientName,
        heloName,
        protocol,
        authenticatedUser);
  }

  /** A report written here. */
  public static Origin report() {
    return new Origin(Kind.REPORT, "127.0.0.1", null, null, null, null);
  }

  public boolean authenticated() {
    return authenticatedUser != null;
  }
}
