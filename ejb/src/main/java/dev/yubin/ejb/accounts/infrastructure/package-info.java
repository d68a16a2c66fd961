/** The accounts context's adapters: JPA repositories for domains, accounts and aliases. */
package dev.yubin.ejb.accounts.infrastructure;
