package dev.yubin.protocol.smtp;

import dev.yubin.protocol.Reply;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * RCPT TO:&lt;forward-path&gt; [SP rcpt-parameters] (RFC 5321 §4.1.1.3): asks the backend about one
 * recipient and writes its reply as is; only accepted recipients enter the envelope. Past the
 * recipient limit the answer is 452 4.5.3 (RFC 5321 §4.5.3.1.10). A non-ASCII address needs
 * SMTPUTF8 on MAIL (553 5.6.7, RFC 6531 §3.7.4.1). Parameters, after EHLO only, each at most once:
 * NOTIFY=NEVER or a list of SUCCESS, FAILURE, DELAY (RFC 3461 §4.1) and ORCPT=addr-type;xtext (RFC
 * 3461 §4.2), where {@link SmtpConfig#dsnOffered DSN is offered} (else 501 5.7.1); malformed ones
 * get 501 5.5.4, others 555 5.5.4.
 */
final class RcptCommand implements SmtpCommand {

  private static final Reply USAGE = SmtpReplies.syntax("RCPT TO:<address>");
  private static final Reply BAD_NOTIFY = Reply.of(501, "5.5.4", "Bad NOTIFY parameter");
  private static final Reply BAD_ORCPT = Reply.of(501, "5.5.4", "Bad ORCPT parameter");
  private static final Reply DUPLICATE = Reply.of(501, "5.5.4", "Duplicate RCPT parameter");
  private static final Pattern ADDRESS_TYPE = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+");
  private static final int MAX_ORCPT_LENGTH = 500; // RFC 3461 §4.2
  private static final Set<String> DSN_PARAMETERS = Set.of("NOTIFY", "ORCPT");

  @Override
  public List<Precondition> preconditions() {
    return List.of(Precondition.GREETED, Precondition.TRANSACTION);
  }

  @Override
  public SmtpResponse execute(SmtpSession session, String argument) {
    MailTransaction transaction = session.transaction();
    transaction.countRecipientAttempt();
    Optional<String> pathText = PathParser.afterKeyword(argument, "TO:");
    if (pathText.isEmpty()) {
      return SmtpResponse.of(USAGE);
    }
    Optional<MailPath> path = PathParser.parseForwardPath(pathText.get());
    if (path.isEmpty()) {
      return SmtpResponse.of(SmtpReplies.BAD_RECIPIENT);
    }
    Optional<List<EsmtpParameter>> parameters = EsmtpParameter.parseAll(path.get().parameters());
    if (parameters.isEmpty()) {
      return SmtpResponse.of(SmtpReplies.BAD_PARAMETERS);
    }
    String forwardPath = path.get().address();
    Set<DsnNotify> notify = EnumSet.noneOf(DsnNotify.class);
    OriginalRecipient original = null;
    Set<String> seen = new HashSet<>();
    for (EsmtpParameter parameter : parameters.get()) {
      if (!session.isExtended()) {
        return SmtpResponse.of(SmtpReplies.unsupportedOption(parameter.keyword()));
      }
      if (!seen.add(parameter.keyword())) {
        return SmtpResponse.of(DUPLICATE);
      }
      if (!session.config().dsnOffered() && DSN_PARAMETERS.contains(parameter.keyword())) {
        return SmtpResponse.of(SmtpReplies.DSN_DISABLED);
      }
      switch (parameter.keyword()) {
        case "NOTIFY" -> {
          Optional<Set<DsnNotify>> values = notify(parameter.value());
          if (values.isEmpty()) {
            return SmtpResponse.of(BAD_NOTIFY);
          }
          notify = values.get();
        }
        case "ORCPT" -> {
          original = originalRecipient(parameter.value());
          if (original == null) {
            return SmtpResponse.of(BAD_ORCPT);
          }
        }
        default -> {
          return SmtpResponse.of(SmtpReplies.unsupportedOption(parameter.keyword()));
        }
      }
    }
    if (!transaction.smtpUtf8() && !MailCommand.isAscii(forwardPath)) {
      return SmtpResponse.of(SmtpReplies.NEEDS_SMTPUTF8);
    }
    if (transaction.recipientCount() >= session.config().maxRecipients()) {
      return SmtpResponse.of(SmtpReplies.TOO_MANY_RECIPIENTS);
    }
    Reply decision =
        session.backend().checkRecipient(session.info(), transaction.reversePath(), forwardPath);
    if (decision.isPositive()) {
      session.addRecipient(new Recipient(forwardPath, notify, original));
    }
    return SmtpResponse.of(decision);
  }

  /** notify-esmtp-value = "NEVER" / 1#notify-list-element (RFC 3461 §4.1). */
  private static Optional<Set<DsnNotify>> notify(String value) {
    if (value == null) {
      return Optional.empty();
    }
    Set<DsnNotify> values = EnumSet.noneOf(DsnNotify.class);
    for (String element : value.split(",", -1)) {
      DsnNotify notify;
      try {
        notify = DsnNotify.valueOf(element.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        return Optional.empty(); // not a NOTIFY keyword
      }
      if (!values.add(notify)) {
        return Optional.empty();
      }
    }
    if (values.contains(DsnNotify.NEVER) && values.size() > 1) {
      return Optional.empty();
    }
    return Optional.of(values);
  }

  /** orcpt-value = addr-type ";" xtext (RFC 3461 §4.2); null if malformed. */
  private static OriginalRecipient originalRecipient(String value) {
    if (value == null || value.length() > MAX_ORCPT_LENGTH) {
      return null;
    }
    int semicolon = value.indexOf(';');
    if (semicolon < 0) {
      return null;
    }
    String type = value.substring(0, semicolon);
    Optional<String> address = Xtext.decode(value.substring(semicolon + 1));
    if (!ADDRESS_TYPE.matcher(type).matches() || address.isEmpty() || address.get().isEmpty()) {
      return null;
    }
    return new OriginalRecipient(type, address.get());
  }
}
