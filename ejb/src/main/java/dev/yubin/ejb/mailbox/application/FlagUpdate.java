package dev.yubin.ejb.mailbox.application;

import java.util.List;

/** The result of a flag change: changed messages, and those left alone by UNCHANGEDSINCE. */
public record FlagUpdate(List<MessageState> updated, long[] modified, long highestModseq) {}
