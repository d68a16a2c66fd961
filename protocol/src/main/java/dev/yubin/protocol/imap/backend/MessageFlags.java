package dev.yubin.protocol.imap.backend;

import java.util.Set;

/**
 * A message's flags as they stand after a change.
 *
 * @param flags system flags with their backslash (\Seen) and keywords, without \Recent
 */
public record MessageFlags(long uid, Set<String> flags, long modseq) {

  public MessageFlags {
    flags = Set.copyOf(flags);
  }
}
