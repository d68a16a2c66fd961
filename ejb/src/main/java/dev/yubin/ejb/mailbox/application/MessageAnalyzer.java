package dev.yubin.ejb.mailbox.application;

import dev.yubin.ejb.mailbox.domain.SearchFields;
import java.io.IOException;
import java.io.InputStream;

/** Parses a message once, when it is stored: its encoded MIME structure and decoded fields. */
public interface MessageAnalyzer {

  /** What parsing found. */
  record Analysis(byte[] structure, SearchFields fields) {}

  /** Reads the whole message from {@code content} (bounded memory whatever its size). */
  Analysis analyze(InputStream content) throws IOException;
}
