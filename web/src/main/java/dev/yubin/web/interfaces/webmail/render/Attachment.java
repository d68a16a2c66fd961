package dev.yubin.web.interfaces.webmail.render;

/** A part offered for download: its decoded file name, media type and size in octets. */
public record Attachment(String path, String name, String mediaType, long size, String url) {}
