package dev.yubin.ejb.mailbox.application;

import dev.yubin.ejb.mailbox.domain.mime.BodyText;
import dev.yubin.ejb.mailbox.domain.mime.HeaderSection;
import dev.yubin.ejb.mailbox.domain.mime.MessageStructure;
import dev.yubin.ejb.mailbox.domain.mime.MimeStructureParser;
import dev.yubin.protocol.text.UnicodeCasemap;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The text of one message that body and header keys read from its file, each part read once and
 * only when a key asks: the header section's fields, and the body's text parts decoded ({@link
 * BodyText}), kept as i;unicode-casemap keys.
 */
final class MessageText {

  private final IndexedMessage message;
  private final StructureBatch structures;
  private final ContentFiles files;
  private MessageStructure structure;
  private List<HeaderSection.Field> header;
  private String headerKey;
  private String bodyKey;

  MessageText(IndexedMessage message, StructureBatch structures, ContentFiles files) {
    this.message = message;
    this.structures = structures;
    this.files = files;
  }

  /** The fields of the message's header section (at most the parser's header limit of it). */
  List<HeaderSection.Field> header() {
    if (header == null) {
      long length =
          Math.min(structure().root().bodyOffset(), MimeStructureParser.DEFAULT_HEADER_LIMIT);
      try (InputStream in = files.open(message.path(), 0, length)) {
        header = HeaderSection.parse(in.readAllBytes());
      } catch (IOException e) {
        throw unreadable(e);
      }
    }
    return header;
  }

  /** The header section as {@code name: value} lines, as a casemap key. */
  String headerKey() {
    if (headerKey == null) {
      StringBuilder text = new StringBuilder();
      for (HeaderSection.Field field : header()) {
        text.append(field.name()).append(": ").append(field.value()).append('\n');
      }
      headerKey = UnicodeCasemap.key(text.toString());
    }
    return headerKey;
  }

  /** The decoded text of the body's text parts, as a casemap key. */
  String bodyKey() {
    if (bodyKey == null) {
      try {
        bodyKey =
            UnicodeCasemap.key(
                BodyText.extract(
                    structure(), (offset, length) -> files.open(message.path(), offset, length)));
      } catch (IOException e) {
        throw unreadable(e);
      }
    }
    return bodyKey;
  }

  private MessageStructure structure() {
    if (structure == null) {
      try {
        structure = structures.of(message);
      } catch (IOException e) {
        throw unreadable(e);
      }
    }
    return structure;
  }

  private UncheckedIOException unreadable(IOException e) {
    return new UncheckedIOException("content of UID " + message.uid() + " is unreadable", e);
  }
}
