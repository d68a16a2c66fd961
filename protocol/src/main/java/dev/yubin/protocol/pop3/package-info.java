/**
 * The POP3 engine (RFC 1939, with RFC 2449 CAPA and response codes): a session state machine, one
 * class per command, and the backend interfaces it asks for decisions and data. No I/O.
 */
package dev.yubin.protocol.pop3;
