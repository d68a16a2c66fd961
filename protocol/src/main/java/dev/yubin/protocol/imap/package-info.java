/**
 * The IMAP4rev1 and IMAP4rev2 engine (RFC 3501, RFC 9051) and its extensions: one class per
 * command, a session that frames commands and keeps state, and a per-session view of the selected
 * mailbox that maps message numbers to UIDs and reports other sessions' changes only where RFC 3501
 * §7.4.1 allows. It asks {@link dev.yubin.protocol.imap.backend.ImapBackend} for data and never
 * does I/O.
 */
package dev.yubin.protocol.imap;
