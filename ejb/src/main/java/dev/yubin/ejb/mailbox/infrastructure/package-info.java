/** The mailbox store's adapters: JPA rows and content files. */
package dev.yubin.ejb.mailbox.infrastructure;
