package dev.yubin.ejb.mailbox.domain.mime;

/** What one pass over a message yields: its structure and its decoded search fields. */
public record ParsedMessage(MessageStructure structure, SearchFields searchFields) {}
