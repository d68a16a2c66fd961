package dev.yubin.web.interfaces.webmail;

import dev.yubin.ejb.mailbox.application.MailboxReader;
import dev.yubin.ejb.mailbox.application.MessageSummary;
import dev.yubin.ejb.mailbox.domain.mime.BodyText;
import dev.yubin.ejb.mailbox.domain.mime.MessageStructure;
import dev.yubin.ejb.mailbox.domain.mime.MimeEntity;
import dev.yubin.ejb.mailbox.domain.mime.StructureCodec;
import jakarta.ws.rs.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One message of the signed-in account, as the message pages read it: its summary, its MIME
 * structure (parsed once when it was stored) and its content by byte range. A message that is not
 * there, or not the account's, is not found (404).
 */
record StoredMessage(
    String owner,
    long mailboxId,
    MessageSummary summary,
    MessageStructure structure,
    MailboxReader reader)
    implements BodyText.ContentSource {

  private static final Pattern SECTION =
      Pattern.compile("[1-9][0-9]{0,4}(\\.[1-9][0-9]{0,4}){0,50}");

  static StoredMessage load(MailboxReader reader, String owner, long mailboxId, long uid) {
    List<MessageSummary> found = reader.fetch(owner, mailboxId, new long[] {uid}, true);
    if (found.isEmpty() || found.get(0).structure() == null) {
      throw new NotFoundException();
    }
    try {
      MessageStructure structure = StructureCodec.decode(found.get(0).structure());
      return new StoredMessage(owner, mailboxId, found.get(0), structure, reader);
    } catch (IOException e) {
      throw new UncheckedIOException("structure of UID " + uid + " is unreadable", e);
    }
  }

  long uid() {
    return summary.uid();
  }

  @Override
  public InputStream open(long offset, long length) {
    InputStream in = reader.content(owner, mailboxId, summary.uid(), offset, length);
    if (in == null) {
      throw new NotFoundException();
    }
    return in;
  }

  /** The part at an IMAP section path such as {@code 1.2}; 404 when there is none. */
  MimeEntity section(String path) {
    if (path == null || !SECTION.matcher(path).matches()) {
      throw new NotFoundException();
    }
    String[] levels = path.split("\\.");
    int[] numbers = new int[levels.length];
    for (int i = 0; i < levels.length; i++) {
      numbers[i] = Integer.parseInt(levels[i]);
    }
    MimeEntity entity = structure.section(numbers);
    if (entity == null || entity.isMultipart()) {
      throw new NotFoundException();
    }
    return entity;
  }
}
