package dev.yubin.ejb.mailbox.application;

import dev.yubin.ejb.mailbox.domain.mime.MimeStructureParser;
import dev.yubin.ejb.mailbox.domain.mime.ParsedMessage;
import dev.yubin.ejb.mailbox.domain.mime.SearchFields;
import dev.yubin.ejb.mailbox.domain.mime.StructureCodec;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;

/**
 * Parses a message once, when it is stored: its MIME structure (encoded for the content row) and
 * its decoded search fields, so FETCH and SEARCH never parse again (ADR 0009).
 */
@ApplicationScoped
public class MessageAnalyzer {

  /** What parsing found. */
  public record Analysis(byte[] structure, SearchFields fields) {}

  private final MimeStructureParser parser = new MimeStructureParser();

  /** Reads the whole message from {@code content} (bounded memory whatever its size). */
  public Analysis analyze(InputStream content) throws IOException {
    ParsedMessage parsed = parser.parse(content);
    return new Analysis(StructureCodec.encode(parsed.structure()), parsed.searchFields());
  }
}
