package dev.yubin.protocol.imap.backend;

import java.time.OffsetDateTime;
import java.util.Set;

/**
 * What FETCH needs of one message, apart from its content.
 *
 * @param flags system flags and keywords, without \Recent
 * @param structure the MIME structure, when asked for (else null)
 */
public record MessageData(
    long uid,
    Set<String> flags,
    long modseq,
    OffsetDateTime internalDate,
    long size,
    MimePart structure) {

  public MessageData {
    flags = Set.copyOf(flags);
  }
}
