package dev.yubin.protocol.pop3;

import dev.yubin.protocol.Output;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code CAPA}: lists what this server does: the optional commands offered, response codes,
 * pipelining and the implementation.
 *
 * @see "RFC 2449 §5, §6"
 */
final class CapaCommand implements Pop3Command {

  @Override
  public String keyword() {
    return "CAPA";
  }

  @Override
  public Set<Pop3State> validIn() {
    return EnumSet.of(Pop3State.AUTHORIZATION, Pop3State.TRANSACTION);
  }

  @Override
  public void execute(Pop3Session session, String argument, Output out) {
    Pop3Arguments.expect(argument, 0, 0, "CAPA");
    List<String> capabilities = new ArrayList<>(session.commands().capabilities());
    capabilities.add("RESP-CODES");
    if (session.config().userPassAllowed()) {
      capabilities.add("AUTH-RESP-CODE");
    }
    capabilities.add("PIPELINING");
    capabilities.add("IMPLEMENTATION Yubin");
    MultiLineResponse.write(out, "capability list follows", capabilities);
  }
}
