package dev.yubin.ejb.mailbox.domain.mime;

/**
 * One Content-Type or Content-Disposition parameter as sent: the name in lower case, the value
 * unquoted but otherwise raw (RFC 2231 {@code name*0*} segments and encoded words are kept).
 */
public record MimeParameter(String name, String value) {}
