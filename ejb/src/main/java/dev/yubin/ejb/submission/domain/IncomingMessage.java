package dev.yubin.ejb.submission.domain;

import dev.yubin.api.FilteredMessage;
import dev.yubin.ejb.kernel.Origin;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A message between the end of DATA and its storage: its spooled content, parsed header, envelope
 * and where it came from. Filters see it as a {@link FilteredMessage}.
 */
public final class IncomingMessage implements FilteredMessage {

  private final Path content;
  private final MessageHeader header;
  private final int bodyOffset;
  private final String sender;
  private final List<String> recipients;
  private final Origin origin;

  public IncomingMessage(
      Path content, int headerLimit, String sender, List<String> recipients, Origin origin)
      throws IOException {
    this.content = content;
    MessageHeader.Parsed parsed;
    try (InputStream in = Files.newInputStream(content)) {
      parsed = MessageHeader.read(in, headerLimit);
    }
    this.header = parsed.header();
    this.bodyOffset = parsed.bodyOffset();
    this.sender = sender;
    this.recipients = new ArrayList<>(recipients);
    this.origin = origin;
  }

  @Override
  public String sender() {
    return sender;
  }

  @Override
  public List<String> recipients() {
    return Collections.unmodifiableList(recipients);
  }

  @Override
  public void addRecipient(String address) {
    if (!recipients.contains(address)) {
      recipients.add(address);
    }
  }

  @Override
  public boolean removeRecipient(String address) {
    return recipients.remove(address);
  }

  @Override
  public MessageHeader headers() {
    return header;
  }

  @Override
  public InputStream body() throws IOException {
    InputStream in = Files.newInputStream(content);
    in.skipNBytes(bodyOffset);
    return in;
  }

  @Override
  public boolean submission() {
    return origin.kind() == Origin.Kind.SUBMISSION;
  }

  @Override
  public Optional<String> authenticatedUser() {
    return Optional.ofNullable(origin.authenticatedUser());
  }

  @Override
  public String clientAddress() {
    return origin.clientAddress();
  }

  @Override
  public String heloName() {
    return origin.heloName() == null ? "" : origin.heloName();
  }

  /** The spooled content as received. */
  public Path content() {
    return content;
  }

  /**
   * What to store before the body: the header as received when no filter changed it (byte for
   * byte), else the rewritten header.
   */
  public byte[] headerBytes() throws IOException {
    if (!header.modified()) {
      try (InputStream in = Files.newInputStream(content)) {
        return in.readNBytes(bodyOffset);
      }
    }
    return header.toBytes();
  }

  /** Where the body starts in {@link #content()}. */
  public int bodyOffset() {
    return bodyOffset;
  }
}
