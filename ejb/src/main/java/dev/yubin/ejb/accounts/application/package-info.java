/**
 * The accounts context's services: local domains, accounts and their logins, aliases and the
 * address book, quotas as the mailbox store asks for them.
 */
package dev.yubin.ejb.accounts.application;
