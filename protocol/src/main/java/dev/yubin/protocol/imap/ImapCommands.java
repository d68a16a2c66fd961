package dev.yubin.protocol.imap;

import dev.yubin.protocol.sasl.SaslMechanism;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The commands a server offers, by name. Built once per factory; immutable. */
final class ImapCommands {

  private final Map<String, ImapCommand> byName = new LinkedHashMap<>();

  private ImapCommands(List<ImapCommand> commands) {
    for (ImapCommand command : commands) {
      byName.put(command.name(), command);
    }
  }

  static ImapCommands forConfig(ImapConfig config, List<SaslMechanism> mechanisms) {
    List<ImapCommand> commands = new ArrayList<>();
    commands.add(new CapabilityCommand());
    commands.add(new NoopCommand());
    commands.add(new LogoutCommand());
    if (config.tlsAvailable()) {
      commands.add(new StartTlsCommand());
    }
    commands.add(new LoginCommand());
    commands.add(new AuthenticateCommand(mechanisms));
    commands.add(new EnableCommand());
    commands.add(new IdCommand());
    commands.add(new CompressCommand());
    commands.add(new SelectCommand("SELECT", false));
    commands.add(new SelectCommand("EXAMINE", true));
    commands.add(new CreateCommand());
    commands.add(new DeleteCommand());
    commands.add(new RenameCommand());
    commands.add(new SubscribeCommand("SUBSCRIBE", true));
    commands.add(new SubscribeCommand("UNSUBSCRIBE", false));
    commands.add(new ListCommand());
    commands.add(new LsubCommand());
    commands.add(new NamespaceCommand());
    commands.add(new StatusCommand());
    commands.add(new AppendCommand());
    commands.add(new IdleCommand());
    commands.add(new CheckCommand());
    commands.add(new CloseCommand("CLOSE", true));
    commands.add(new CloseCommand("UNSELECT", false));
    commands.add(new ExpungeCommand());
    commands.add(new FetchCommand());
    commands.add(new StoreCommand());
    commands.add(new SearchCommand());
    commands.add(new SortCommand());
    commands.add(new ThreadCommand());
    commands.add(new CopyCommand("COPY", false));
    commands.add(new CopyCommand("MOVE", true));
    commands.add(new QuotaCommand("GETQUOTA"));
    commands.add(new QuotaCommand("GETQUOTAROOT"));
    commands.add(new QuotaCommand("SETQUOTA"));
    return new ImapCommands(commands);
  }

  /** The command for an upper-case name, or null; {@code uid} asks for the UID form. */
  ImapCommand find(String name, boolean uid) {
    ImapCommand command = byName.get(name);
    if (command == null || (uid && !command.hasUidForm())) {
      return null;
    }
    return command;
  }

  /** The capability atoms of the commands, in registration order. */
  Set<String> capabilities(ImapSession session) {
    Set<String> all = new LinkedHashSet<>();
    for (ImapCommand command : byName.values()) {
      all.addAll(command.capabilities(session));
    }
    return all;
  }
}
