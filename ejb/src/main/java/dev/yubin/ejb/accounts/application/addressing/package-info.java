/**
 * Addressing: which mailboxes and remote addresses a recipient address stands for (accounts,
 * aliases, subaddresses, catch-alls, postmaster), decided by one pure resolver over a lookup
 * interface.
 */
package dev.yubin.ejb.accounts.application.addressing;
