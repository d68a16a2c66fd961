package dev.yubin.protocol.pop3;

import dev.yubin.protocol.sasl.SaslMechanism;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The commands a server offers, by keyword. Built once per factory; immutable. */
final class Pop3Commands {

  private final Map<String, Pop3Command> byKeyword;

  private Pop3Commands(List<Pop3Command> commands) {
    this.byKeyword =
        commands.stream()
            .collect(
                Collectors.toMap(
                    Pop3Command::keyword, Function.identity(), (a, b) -> a, LinkedHashMap::new));
  }

  /**
   * RFC 1939 minus APOP, plus CAPA and AUTH (RFC 5034); USER and PASS only when the configuration
   * allows them, STLS when TLS is available.
   */
  static Pop3Commands forConfig(Pop3Config config, List<SaslMechanism> mechanisms) {
    List<Pop3Command> commands = new ArrayList<>();
    if (config.tlsAvailable()) {
      commands.add(new StlsCommand());
    }
    if (config.userPassAllowed()) {
      commands.add(new UserCommand());
      commands.add(new PassCommand());
    }
    commands.add(new AuthCommand(mechanisms));
    commands.addAll(
        List.of(
            new QuitCommand(),
            new StatCommand(),
            new ListCommand(),
            new RetrCommand(),
            new DeleCommand(),
            new NoopCommand(),
            new RsetCommand(),
            new TopCommand(),
            new UidlCommand(),
            new CapaCommand()));
    return new Pop3Commands(commands);
  }

  /** The command for an upper-case keyword. */
  Optional<Pop3Command> find(String keyword) {
    return Optional.ofNullable(byKeyword.get(keyword));
  }

  /** The CAPA tags of the commands offered in this session now, in registration order. */
  List<String> capabilities(Pop3Session session) {
    return byKeyword.values().stream()
        .filter(c -> c.offeredIn(session))
        .flatMap(c -> c.capability(session).stream())
        .toList();
  }
}
