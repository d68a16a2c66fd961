package dev.yubin.protocol.smtp;

import java.util.Map;
import java.util.Optional;

/** The commands the engine knows, by verb (RFC 5321 §4.1.1). Built once per factory. */
final class SmtpCommands {

  private final Map<String, SmtpCommand> byVerb;

  private SmtpCommands(Map<String, SmtpCommand> byVerb) {
    this.byVerb = Map.copyOf(byVerb);
  }

  static SmtpCommands standard() {
    return new SmtpCommands(
        Map.ofEntries(
            Map.entry("EHLO", new EhloCommand()),
            Map.entry("HELO", new HeloCommand()),
            Map.entry("MAIL", new MailCommand()),
            Map.entry("RCPT", new RcptCommand()),
            Map.entry("DATA", new DataCommand()),
            Map.entry("RSET", new RsetCommand()),
            Map.entry("NOOP", new NoopCommand()),
            Map.entry("QUIT", new QuitCommand()),
            Map.entry("VRFY", new VrfyCommand()),
            Map.entry("EXPN", new ExpnCommand()),
            Map.entry("HELP", new HelpCommand()),
            Map.entry("STARTTLS", new StartTlsCommand()),
            Map.entry("AUTH", new AuthCommand()),
            Map.entry("BDAT", new BdatCommand())));
  }

  Optional<SmtpCommand> find(String verb) {
    return Optional.ofNullable(byVerb.get(verb));
  }
}
