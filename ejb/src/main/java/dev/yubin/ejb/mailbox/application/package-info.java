/**
 * The mailbox service that IMAP, POP3 and webmail call, and the ports it needs (repository, content
 * files). Speaks only domain types; protocol adapters translate.
 */
package dev.yubin.ejb.mailbox.application;
