package dev.yubin.protocol.pop3;

import dev.yubin.protocol.Output;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code CAPA}: lists what this server does: the optional commands offered, response codes,
 * pipelining and the implementation.
 *
 * @see "RFC 2449 §5, §6"
 */
final class CapaCommand extends Pop3Command {

  CapaCommand() {
    super("CAPA", AUTHORIZATION_AND_TRANSACTION);
  }

  @Override
  void execute(Pop3Session session, String argument, Output out) {
    Pop3Arguments.expect(argument, 0, 0, "CAPA");
    List<String> capabilities = new ArrayList<>(session.commands().capabilities(session));
    capabilities.add("RESP-CODES");
    capabilities.add("AUTH-RESP-CODE");
    capabilities.add("PIPELINING");
    capabilities.add("IMPLEMENTATION Yubin");
    MultiLineResponse.write(out, "capability list follows", capabilities);
  }
}
