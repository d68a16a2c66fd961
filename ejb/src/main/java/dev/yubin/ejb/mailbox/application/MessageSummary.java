package dev.yubin.ejb.mailbox.application;

import dev.yubin.ejb.mailbox.domain.Flags;
import java.time.OffsetDateTime;

/**
 * A message's data apart from its content.
 *
 * @param structure the encoded MIME structure when asked for, else null
 */
public record MessageSummary(
    long uid, Flags flags, long modseq, OffsetDateTime internalDate, long size, byte[] structure) {}
