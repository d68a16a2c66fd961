package dev.yubin.ejb.mailbox.domain.mime;

import dev.yubin.protocol.imap.BodyStructures;
import dev.yubin.protocol.imap.backend.MimePart;
import dev.yubin.protocol.imap.wire.ResponseLine;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongUnaryOperator;

/**
 * Test helper: our structure as the IMAP engine would send it. Maps the domain records to the
 * engine's {@link MimePart} (what the mailbox store's adapter will do) and renders FETCH
 * (RFC822.SIZE ENVELOPE BODYSTRUCTURE) with the engine's own {@link BodyStructures}.
 */
final class ImapForm {

  private ImapForm() {}

  /**
   * {@code (RFC822.SIZE n ENVELOPE (...) BODYSTRUCTURE (...))}, as an IMAP4rev1 session without
   * UTF8=ACCEPT gets it. Offsets pass through {@code offsets} first (see {@link #crlfOffsets}).
   */
  static byte[] fetch(MessageStructure structure, LongUnaryOperator offsets) {
    MimePart root = part(structure.root(), offsets);
    ResponseLine line = ResponseLine.untagged(false);
    line.ascii("(RFC822.SIZE ").number(offsets.applyAsLong(structure.size()));
    line.ascii(" ENVELOPE ");
    BodyStructures.writeEnvelope(line, root.envelope());
    line.ascii(" BODYSTRUCTURE ");
    BodyStructures.writeBody(line, root, true);
    line.ascii(")");
    String text = line.toString();
    return text.substring(2).getBytes(StandardCharsets.UTF_8); // without "* "
  }

  /**
   * Offsets as they would be if every bare LF were CRLF: Dovecot reports sizes that way (its
   * "virtual" sizes), which is what a client receives from it for bare-LF content.
   */
  static LongUnaryOperator crlfOffsets(byte[] content) {
    long[] bareBefore = new long[content.length + 1];
    for (int i = 0; i < content.length; i++) {
      boolean bare = content[i] == '\n' && (i == 0 || content[i - 1] != '\r');
      bareBefore[i + 1] = bareBefore[i] + (bare ? 1 : 0);
    }
    return offset -> offset + bareBefore[(int) offset];
  }

  static MimePart part(MimeEntity entity, LongUnaryOperator offsets) {
    List<MimePart> children = new ArrayList<>();
    for (MimeEntity child : entity.children()) {
      children.add(part(child, offsets));
    }
    // IMAP4rev1 (RFC 3501) describes only message/rfc822 with an envelope; message/global gets
    // one in IMAP4rev2 (RFC 9051 §7.5.2). Dovecot 2.3 is IMAP4rev1.
    boolean rfc822 = entity.isMessage() && entity.subtype().equals("rfc822");
    return new MimePart(
        entity.type(),
        entity.subtype(),
        flatten(MimeParameters.forImap(entity)),
        entity.id(),
        entity.description(),
        entity.transferEncoding() == null ? "7bit" : entity.transferEncoding(),
        entity.md5(),
        entity.disposition(),
        flatten(MimeParameters.joinContinuations(entity.dispositionParameters())),
        entity.language(),
        entity.location(),
        offsets.applyAsLong(entity.headerOffset()),
        offsets.applyAsLong(entity.bodyOffset()),
        offsets.applyAsLong(entity.end()),
        entity.lines(),
        children,
        entity.envelope() == null ? null : envelope(entity.envelope()),
        rfc822 ? part(entity.message(), offsets) : null);
  }

  private static List<String> flatten(List<MimeParameter> parameters) {
    List<String> flat = new ArrayList<>();
    for (MimeParameter parameter : parameters) {
      flat.add(parameter.name());
      flat.add(parameter.value());
    }
    return flat;
  }

  private static dev.yubin.protocol.imap.backend.Envelope envelope(Envelope envelope) {
    return new dev.yubin.protocol.imap.backend.Envelope(
        envelope.date(),
        envelope.subject(),
        addresses(envelope.from()),
        addresses(envelope.sender()),
        addresses(envelope.replyTo()),
        addresses(envelope.to()),
        addresses(envelope.cc()),
        addresses(envelope.bcc()),
        envelope.inReplyTo(),
        envelope.messageId());
  }

  private static List<dev.yubin.protocol.imap.backend.Envelope.Address> addresses(
      List<Envelope.Address> addresses) {
    List<dev.yubin.protocol.imap.backend.Envelope.Address> out = new ArrayList<>();
    for (Envelope.Address a : addresses) {
      out.add(
          new dev.yubin.protocol.imap.backend.Envelope.Address(
              a.name(), a.route(), a.mailbox(), a.host()));
    }
    return out;
  }
}
