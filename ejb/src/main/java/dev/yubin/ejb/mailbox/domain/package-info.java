/** The mailbox store's model: mailboxes, placements of content in them, flags, names. */
package dev.yubin.ejb.mailbox.domain;
