/**
 * What the IMAP engine asks of the mail store ({@link ImapBackend}) and the values that cross that
 * boundary. In the server the backend is the resource adapter's message-listener interface,
 * implemented by an MDB that translates to the mailbox service; in tests it lives in memory.
 */
package dev.yubin.protocol.imap.backend;
