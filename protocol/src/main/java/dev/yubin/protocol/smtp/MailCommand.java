package dev.yubin.protocol.smtp;

import dev.yubin.protocol.Reply;
import java.util.List;
import java.util.Optional;

/**
 * MAIL FROM:&lt;reverse-path&gt; [SP mail-parameters] (RFC 5321 §4.1.1.2): opens a transaction if
 * the backend accepts the sender. Parameters, after EHLO only: SIZE (RFC 1870 §6, refused with 552
 * 5.3.4 above the limit), BODY=7BIT or 8BITMIME (RFC 6152), and AUTH= when AUTH is offered (RFC
 * 4954 §5); any other gives 555 5.5.4. With {@code authRequired}, MAIL before AUTH gets 530 5.7.0.
 */
final class MailCommand implements SmtpCommand {

  private static final Reply USAGE = SmtpReplies.syntax("MAIL FROM:<address>");
  private static final Reply BAD_SIZE = Reply.of(501, "5.5.4", "Bad message size syntax");
  private static final Reply BAD_BODY = Reply.of(501, "5.5.4", "Unsupported BODY type");
  private static final int MAX_SIZE_DIGITS = 18; // fits in a long

  @Override
  public List<Precondition> preconditions() {
    return List.of(
        Precondition.GREETED, Precondition.NO_TRANSACTION, Precondition.AUTHENTICATED_IF_REQUIRED);
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
    Optional<Reply> parameterProblem = checkParameters(session, path.get().parameters());
    if (parameterProblem.isPresent()) {
      return SmtpResponse.of(parameterProblem.get());
    }
    String reversePath = path.get().address();
    Reply decision = session.backend().checkSender(session.info(), reversePath);
    if (decision.isPositive()) {
      session.startTransaction(reversePath);
    }
    return SmtpResponse.of(decision);
  }

  private static Optional<Reply> checkParameters(SmtpSession session, String text) {
    Optional<List<EsmtpParameter>> parameters = EsmtpParameter.parseAll(text);
    if (parameters.isEmpty()) {
      return Optional.of(SmtpReplies.BAD_PARAMETERS);
    }
    for (EsmtpParameter parameter : parameters.get()) {
      if (!session.isExtended()) {
        return Optional.of(SmtpReplies.unsupportedOption(parameter.keyword()));
      }
      Optional<Reply> problem =
          switch (parameter.keyword()) {
            case "SIZE" -> checkSize(parameter.value(), session.config().maxMessageSize());
            case "BODY" -> checkBody(parameter.value());
            case "AUTH" ->
                session.config().authOffered()
                    ? checkAuth(parameter.value())
                    : Optional.of(SmtpReplies.unsupportedOption(parameter.keyword()));
            default -> Optional.of(SmtpReplies.unsupportedOption(parameter.keyword()));
          };
      if (problem.isPresent()) {
        return problem;
      }
    }
    return Optional.empty();
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
