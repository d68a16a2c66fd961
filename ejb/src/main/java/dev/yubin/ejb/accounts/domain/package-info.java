/** The mail domain: local domains, accounts, their mailboxes and the messages in them. */
package dev.yubin.ejb.accounts.domain;
