package dev.yubin.ejb.mailbox.application;

/** What the mailbox store asks of the accounts context: an owner's quota. */
public interface MailboxQuotas {

  /** The most bytes the owner's messages may take, or null for no limit. */
  Long limit(String owner);
}
