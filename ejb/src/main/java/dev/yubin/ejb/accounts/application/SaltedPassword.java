package dev.yubin.ejb.accounts.application;

/**
 * What a stored password hash keeps: PBKDF2-HMAC-SHA256's salt, iteration count and derived key
 * (the SaltedPassword of SCRAM-SHA-256, RFC 7677), from which a challenge-response login can be
 * checked without the password.
 */
public record SaltedPassword(byte[] salt, int iterations, byte[] derivedKey) {}
