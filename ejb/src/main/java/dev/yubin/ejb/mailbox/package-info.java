/**
 * The mailbox store (docs/adr/0009): mailboxes per account, messages placed in them with UIDs,
 * flags and MODSEQs, content stored once, and the service POP3, IMAP and webmail share.
 */
package dev.yubin.ejb.mailbox;
