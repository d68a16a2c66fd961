package dev.yubin.ejb.mailbox.application;

import dev.yubin.ejb.mailbox.domain.SpecialUse;

/** A mailbox as listed: its id, name, special use (or null) and whether the owner subscribed. */
public record MailboxInfo(long id, String name, SpecialUse specialUse, boolean subscribed) {}
