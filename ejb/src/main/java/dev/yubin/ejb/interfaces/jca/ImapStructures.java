package dev.yubin.ejb.interfaces.jca;

import dev.yubin.ejb.mailbox.domain.mime.Envelope;
import dev.yubin.ejb.mailbox.domain.mime.MimeEntity;
import dev.yubin.ejb.mailbox.domain.mime.MimeParameter;
import dev.yubin.ejb.mailbox.domain.mime.MimeParameters;
import dev.yubin.ejb.mailbox.domain.mime.StructureCodec;
import dev.yubin.protocol.imap.backend.MimePart;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Translates the store's MIME structure into the IMAP engine's {@link MimePart} tree. */
@ApplicationScoped
class ImapStructures {

  /** The part tree of an encoded structure (as the content row keeps it). */
  MimePart toImap(byte[] encoded) {
    try {
      return part(StructureCodec.decode(encoded).root());
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable message structure", e);
    }
  }

  static MimePart part(MimeEntity entity) {
    return new MimePart(
        entity.type(),
        entity.subtype(),
        pairs(MimeParameters.forImap(entity)),
        entity.id(),
        entity.description(),
        entity.transferEncoding() == null ? "7bit" : entity.transferEncoding(),
        entity.md5(),
        entity.disposition(),
        pairs(MimeParameters.joinContinuations(entity.dispositionParameters())),
        entity.language(),
        entity.location(),
        entity.headerOffset(),
        entity.bodyOffset(),
        entity.end(),
        entity.lines(),
        entity.children().stream().map(ImapStructures::part).toList(),
        entity.envelope() == null ? null : envelope(entity.envelope()),
        entity.message() == null ? null : part(entity.message()));
  }

  private static List<String> pairs(List<MimeParameter> parameters) {
    List<String> pairs = new ArrayList<>(parameters.size() * 2);
    for (MimeParameter parameter : parameters) {
      pairs.add(parameter.name());
      pairs.add(parameter.value());
    }
    return pairs;
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
    return addresses.stream()
        .map(
            a ->
                new dev.yubin.protocol.imap.backend.Envelope.Address(
                    a.name(), a.route(), a.mailbox(), a.host()))
        .toList();
  }
}
