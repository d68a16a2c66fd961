/**
 * The accounts context's adapters: JPA repositories for domains, accounts and aliases, and password
 * hashing (only salted, slow, versioned hashes are ever stored).
 */
package dev.yubin.ejb.accounts.infrastructure;
