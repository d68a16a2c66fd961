package dev.yubin.ejb.mailbox.application;

import dev.yubin.ejb.mailbox.domain.mime.MessageStructure;
import dev.yubin.ejb.mailbox.domain.mime.MimeStructureParser;
import dev.yubin.ejb.mailbox.domain.mime.StructureCodec;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * The MIME structures of a batch of messages, read with one query when the first of them is asked
 * for (a search that never reaches a body key reads none). Content stored without a structure is
 * parsed from its file.
 */
final class StructureBatch {

  private final MailboxRepository repository;
  private final ContentFiles files;
  private final List<IndexedMessage> batch;
  private Map<Long, byte[]> encoded;

  StructureBatch(MailboxRepository repository, ContentFiles files, List<IndexedMessage> batch) {
    this.repository = repository;
    this.files = files;
    this.batch = batch;
  }

  MessageStructure of(IndexedMessage message) throws IOException {
    if (encoded == null) {
      encoded = repository.structures(batch.stream().map(IndexedMessage::contentId).toList());
    }
    byte[] blob = encoded.get(message.contentId());
    if (blob != null) {
      return StructureCodec.decode(blob);
    }
    try (InputStream in = files.open(message.path())) {
      return new MimeStructureParser().parse(in).structure();
    }
  }
}
