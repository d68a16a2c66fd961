package dev.yubin.ejb.mailbox.application;

import dev.yubin.ejb.mailbox.domain.SpecialUse;

/** A mailbox as listed: its name, special use (or null) and whether the owner subscribed. */
public record MailboxInfo(String name, SpecialUse specialUse, boolean subscribed) {}
