/**
 * Text algorithms of the mail RFCs that the engines, their backends and the mailbox store share:
 * the i;unicode-casemap collation and the base subject. No engine types, no I/O.
 */
package dev.yubin.protocol.text;
