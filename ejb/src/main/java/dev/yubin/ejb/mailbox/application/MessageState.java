package dev.yubin.ejb.mailbox.application;

import dev.yubin.ejb.mailbox.domain.Flags;

/** A message's flags and MODSEQ as they stand. */
public record MessageState(long uid, Flags flags, long modseq) {}
