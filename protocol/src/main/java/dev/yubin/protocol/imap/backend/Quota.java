package dev.yubin.protocol.imap.backend;

/**
 * The STORAGE resource of the principal's quota root (RFC 9208): usage and limit in octets.
 *
 * @param messages the number of messages, for the MESSAGE resource
 */
public record Quota(long usage, long limit, long messages) {}
