package dev.yubin.protocol.imap;

import dev.yubin.protocol.imap.backend.Quota;
import dev.yubin.protocol.imap.wire.ArgumentReader;
import java.util.List;

/**
 * {@code GETQUOTAROOT mailbox}, {@code GETQUOTA root} and {@code SETQUOTA}: one quota root "" per
 * account covering all its mailboxes, with the STORAGE resource in KiB. Quotas are set by the
 * administrator, so SETQUOTA is refused.
 *
 * @see "RFC 9208"
 */
final class QuotaCommand extends ImapCommand {

  private static final String ROOT = "";

  QuotaCommand(String name) {
    super(name, AUTHENTICATED);
  }

  @Override
  List<String> capabilities(ImapSession session) {
    return name().equals("GETQUOTA") ? List.of("QUOTA", "QUOTA=RES-STORAGE") : List.of();
  }

  @Override
  Completion execute(ImapSession session, Request request) {
    ArgumentReader args = request.args();
    args.space();
    return switch (name()) {
      case "GETQUOTAROOT" -> quotaRoot(session, args);
      case "GETQUOTA" -> getQuota(session, args);
      default -> {
        args.astring();
        args.space();
        args.expect('(');
        while (!args.consume(')')) {
          args.atom();
          args.consume(' ');
        }
        args.end();
        yield Completion.no("NOPERM", "quotas are set by the administrator");
      }
    };
  }

  private static Completion quotaRoot(ImapSession session, ArgumentReader args) {
    String wire = args.astring();
    args.end();
    String name = session.decodeMailboxName(wire);
    if (session.backend().status(session.principal(), name) == null) {
      return Completion.no("NONEXISTENT", "No such mailbox");
    }
    Quota quota = session.backend().quota(session.principal());
    var line = session.untagged().ascii("QUOTAROOT ").string(wire);
    if (quota != null) {
      line.sp().string(ROOT);
    }
    line.writeTo(session.out());
    if (quota != null) {
      writeQuota(session, quota);
    }
    return Completion.ok("GETQUOTAROOT completed");
  }

  private static Completion getQuota(ImapSession session, ArgumentReader args) {
    String root = args.astring();
    args.end();
    Quota quota = session.backend().quota(session.principal());
    if (!root.equals(ROOT) || quota == null) {
      return Completion.no("NONEXISTENT", "No such quota root");
    }
    writeQuota(session, quota);
    return Completion.ok("GETQUOTA completed");
  }

  private static void writeQuota(ImapSession session, Quota quota) {
    session
        .untagged()
        .ascii("QUOTA ")
        .string(ROOT)
        .ascii(" (STORAGE " + kib(quota.usage()) + " " + kib(quota.limit()) + ")")
        .writeTo(session.out());
  }

  /** RFC 9208 §5.1: STORAGE counts units of 1024 octets, rounded up. */
  private static long kib(long octets) {
    return (octets + 1023) / 1024;
  }
}
