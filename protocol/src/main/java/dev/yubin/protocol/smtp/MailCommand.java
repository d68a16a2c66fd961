package dev.yubin.protocol.smtp;

import dev.yubin.protocol.Reply;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * MAIL FROM:&lt;reverse-path&gt; [SP mail-parameters] (RFC 5321 §4.1.1.2): opens a transaction if
 * the backend accepts the sender. Parameters, after EHLO only, each at most once (501 5.5.4):
 *
 * <ul>
 *   <li>SIZE (RFC 1870 §6), refused with 552 5.3.4 above the limit;
 *   <li>BODY=7BIT or 8BITMIME (RFC 6152);
 *   <li>SMTPUTF8 (RFC 6531 §3.4), without which a non-ASCII address gets 553 5.6.7;
 *   <li>RET=FULL|HDRS and ENVID=xtext (RFC 3461 §4.3, §4.4), where {@link SmtpConfig#dsnOffered DSN
 *       is offered} (else 501 5.7.1);
 *   <li>AUTH=xtext when AUTH is offered (RFC 4954 §5), checked and ignored.
 * </ul>
 *
 * Any other gives 555 5.5.4. With {@code authRequired}, MAIL before AUTH gets 530 5.7.0.
 *
 * <p>Without AUTH (the MX port), a reverse-path whose domain is an address literal ({@code
 * victim@[127.0.0.2]}) gets 553 5.1.8: reports to it would be sent to whatever address a stranger
 * names, internal ones included, and no real domain mails from a bare address.
 */
final class MailCommand implements SmtpCommand {

  private static final Reply USAGE = SmtpReplies.syntax("MAIL FROM:<address>");
  private static final Reply BAD_SIZE = Reply.of(501, "5.5.4", "Bad message size syntax");
  private static final Reply BAD_BODY = Reply.of(501, "5.5.4", "Unsupported BODY type");
  private static final Reply BAD_RET = Reply.of(501, "5.5.4", "Bad RET parameter");
  private static final Reply BAD_ENVID = Reply.of(501, "5.5.4", "Bad ENVID parameter");
  private static final Reply BAD_SMTPUTF8 = Reply.of(501, "5.5.4", "SMTPUTF8 takes no value");
  private static final Reply DUPLICATE = Reply.of(501, "5.5.4", "Duplicate MAIL parameter");
  private static final Reply LITERAL_SENDER =
      Reply.of(553, "5.1.8", "Sender address rejected: address literals are not accepted");
  private static final int MAX_SIZE_DIGITS = 18; // fits in a long
  private static final int MAX_ENVID_LENGTH = 100; // RFC 3461 §4.4
  private static final Set<String> DSN_PARAMETERS = Set.of("RET", "ENVID");

  @Override
  public List<Precondition> preconditions() {
    return List.of(
        Precondition.GREETED, Precondition.NO_TRANSACTION, Precondition.AUTHENTICATED_IF_REQUIRED);
  }

  /** What the parameters asked for. */
  private static final class Requested {
    boolean smtpUtf8;
    DsnReturn ret;
    String envelopeId;
  }

  @Override
  public SmtpResponse execute(SmtpSession session, String argument) {
    Optional<String> pathText = PathParser.afterKeyword(argument, "FROM:");
    if (pathText.isEmpty()) {
      return SmtpResponse.of(USAGE);
    }
    Optional<MailPath> path = PathParser.parseReversePath(pathText.get());
    if (path.isEmpty()) {
      return SmtpResponse.of(SmtpReplies.BAD_SENDER);
    }
    Requested requested = new Requested();
    Optional<Reply> parameterProblem = checkParameters(session, path.get().parameters(), requested);
    if (parameterProblem.isPresent()) {
      return SmtpResponse.of(parameterProblem.get());
    }
    String reversePath = path.get().address();
    if (!requested.smtpUtf8 && !isAscii(reversePath)) {
      return SmtpResponse.of(SmtpReplies.NEEDS_SMTPUTF8);
    }
    if (!session.isAuthenticated() && path.get().hasAddressLiteral()) {
      return SmtpResponse.of(LITERAL_SENDER);
    }
    Reply decision = session.backend().checkSender(session.info(), reversePath);
    if (decision.isPositive()) {
      session.startTransaction(
          reversePath, requested.smtpUtf8, new DsnRequest(requested.ret, requested.envelopeId));
    }
    return SmtpResponse.of(decision);
  }

  static boolean isAscii(String text) {
    return text.chars().allMatch(c -> c < 0x80);
  }

  private static Optional<Reply> checkParameters(
      SmtpSession session, String text, Requested requested) {
    Optional<List<EsmtpParameter>> parameters = EsmtpParameter.parseAll(text);
    if (parameters.isEmpty()) {
      return Optional.of(SmtpReplies.BAD_PARAMETERS);
    }
    Set<String> seen = new HashSet<>();
    for (EsmtpParameter parameter : parameters.get()) {
      if (!session.isExtended()) {
        return Optional.of(SmtpReplies.unsupportedOption(parameter.keyword()));
      }
      if (!seen.add(parameter.keyword())) {
        return Optional.of(DUPLICATE);
      }
      if (!session.config().dsnOffered() && DSN_PARAMETERS.contains(parameter.keyword())) {
        return Optional.of(SmtpReplies.DSN_DISABLED);
      }
      String value = parameter.value();
      Optional<Reply> problem =
          switch (parameter.keyword()) {
            case "SIZE" -> checkSize(value, session.config().maxMessageSize());
            case "BODY" -> checkBody(value);
            case "SMTPUTF8" -> {
              requested.smtpUtf8 = true;
              yield value == null ? Optional.empty() : Optional.of(BAD_SMTPUTF8);
            }
            case "RET" -> {
              requested.ret = ret(value);
              yield requested.ret == null ? Optional.of(BAD_RET) : Optional.empty();
            }
            case "ENVID" -> {
              requested.envelopeId = value == null ? null : Xtext.decode(value).orElse(null);
              yield requested.envelopeId == null || value.length() > MAX_ENVID_LENGTH
                  ? Optional.of(BAD_ENVID)
                  : Optional.empty();
            }
            case "AUTH" ->
                session.config().authOffered()
                    ? checkAuth(value)
                    : Optional.of(SmtpReplies.unsupportedOption(parameter.keyword()));
            default -> Optional.of(SmtpReplies.unsupportedOption(parameter.keyword()));
          };
      if (problem.isPresent()) {
        return problem;
      }
    }
    return Optional.empty();
  }

  private static DsnReturn ret(String value) {
    if (value == null) {
      return null;
    }
    return switch (value.toUpperCase(Locale.ROOT)) {
      case "FULL" -> DsnReturn.FULL;
      case "HDRS" -> DsnReturn.HDRS;
      default -> null;
    };
  }

  /** RFC 1870 §6: size-value = 1*20DIGIT; a declared size above the limit is refused now. */
  private static Optional<Reply> checkSize(String value, long maxSize) {
    if (value == null || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Optional.of(BAD_SIZE);
    }
    String digits = value.replaceFirst("^0+(?=.)", "");
    if (digits.length() > MAX_SIZE_DIGITS || Long.parseLong(digits) > maxSize) {
      return Optional.of(SmtpReplies.MESSAGE_TOO_BIG);
    }
    return Optional.empty();
  }

  /**
   * RFC 4954 §5: AUTH=xtext names who submitted the message first; a server offering AUTH must
   * accept it. We do not relay on the strength of it, so it is checked and otherwise ignored.
   */
  private static Optional<Reply> checkAuth(String value) {
    return value != null && Xtext.decode(value).isPresent()
        ? Optional.empty()
        : Optional.of(SmtpReplies.BAD_PARAMETERS);
  }

  /** RFC 6152 §2: BODY=7BIT or BODY=8BITMIME. */
  private static Optional<Reply> checkBody(String value) {
    if (value != null && (value.equalsIgnoreCase("7BIT") || value.equalsIgnoreCase("8BITMIME"))) {
      return Optional.empty();
    }
    return Optional.of(BAD_BODY);
  }
}
