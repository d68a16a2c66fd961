/** Password hashing: only salted, slow, versioned hashes are ever stored. */
package dev.yubin.ejb.accounts.infrastructure;
