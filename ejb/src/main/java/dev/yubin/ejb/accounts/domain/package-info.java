/**
 * The accounts context's model: local domains, accounts and aliases (JPA entities), and domain
 * names.
 */
package dev.yubin.ejb.accounts.domain;
