package dev.yubin.protocol.pop3;

import dev.yubin.protocol.Output;
import java.util.Optional;

/**
 * {@code STLS}: answers {@code +OK} and has the transport start TLS once the reply is out; the
 * input that came with the command is discarded (plaintext injection). Only before login, only
 * once, and not on a connection that is under TLS already.
 *
 * @see "RFC 2595 §4"
 */
final class StlsCommand extends Pop3Command {

  StlsCommand() {
    super("STLS", AUTHORIZATION, Optional.of("STLS"));
  }

  @Override
  boolean offeredIn(Pop3Session session) {
    return !session.isSecure();
  }

  @Override
  void execute(Pop3Session session, String argument, Output out) {
    Pop3Arguments.expect(argument, 0, 0, "STLS");
    if (session.isSecure()) {
      throw new Pop3CommandException("command not permitted when TLS active");
    }
    out.writeLine("+OK Begin TLS negotiation");
    session.startTls(out);
  }
}
