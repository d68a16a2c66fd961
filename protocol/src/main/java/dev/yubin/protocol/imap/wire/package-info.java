/**
 * The IMAP wire format, free of I/O: framing of command lines and literals, the argument tokenizer,
 * response encoding, sequence sets and modified UTF-7 mailbox names.
 *
 * @see "RFC 3501 §9, RFC 9051 §9"
 */
package dev.yubin.protocol.imap.wire;
