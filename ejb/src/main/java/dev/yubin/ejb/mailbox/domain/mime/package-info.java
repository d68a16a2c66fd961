/**
 * The MIME structure of a stored message, parsed once when it is stored (ADR 0009): the part tree
 * with byte offsets, the raw values ENVELOPE and BODYSTRUCTURE return, the decoded fields SEARCH
 * and SORT use, its binary encoding, and the decoded text of its text parts. Pure Java and mime4j.
 */
package dev.yubin.ejb.mailbox.domain.mime;
