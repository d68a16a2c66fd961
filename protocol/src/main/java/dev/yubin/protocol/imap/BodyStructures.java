package dev.yubin.protocol.imap;

import dev.yubin.protocol.imap.backend.Envelope;
import dev.yubin.protocol.imap.backend.MimePart;
import dev.yubin.protocol.imap.wire.ResponseLine;
import java.util.List;

/**
 * Writes ENVELOPE, BODY and BODYSTRUCTURE from a message's stored MIME structure.
 *
 * @see "RFC 3501 §7.4.2, RFC 9051 §7.5.2"
 */
public final class BodyStructures {

  private BodyStructures() {}

  /** {@code body}: with {@code extensions} BODYSTRUCTURE's form, else BODY's. */
  public static void writeBody(ResponseLine line, MimePart part, boolean extensions) {
    line.open();
    if (part.isMultipart()) {
      if (part.children().isEmpty()) {
        // RFC 3501 requires at least one part: describe an empty text part, as Dovecot does.
        line.ascii("(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0");
        line.ascii(extensions ? " NIL NIL NIL NIL)" : ")");
      }
      for (MimePart child : part.children()) {
        writeBody(line, child, extensions);
      }
      line.sp().string(part.subtype());
      if (extensions) {
        line.sp();
        writeParameters(line, part.parameters());
        line.sp();
        writeDisposition(line, part);
        line.sp();
        writeLanguage(line, part.language());
        line.sp().nstring(part.location());
      }
    } else {
      line.string(part.type()).sp().string(part.subtype()).sp();
      writeParameters(line, part.parameters());
      line.sp().nstring(part.id()).sp().nstring(part.description()).sp();
      line.string(part.encoding() == null ? "7BIT" : part.encoding());
      line.sp().number(part.bodySize());
      if (part.isMessage()) {
        line.sp();
        writeEnvelope(line, part.message().envelope());
        line.sp();
        writeBody(line, part.message(), extensions);
        line.sp().number(part.lines());
      } else if (part.type().equals("text")) {
        line.sp().number(part.lines());
      }
      if (extensions) {
        line.sp().nstring(part.md5()).sp();
        writeDisposition(line, part);
        line.sp();
        writeLanguage(line, part.language());
        line.sp().nstring(part.location());
      }
    }
    line.close();
  }

  private static void writeParameters(ResponseLine line, List<String> parameters) {
    if (parameters.isEmpty()) {
      line.ascii("NIL");
      return;
    }
    line.open();
    for (int i = 0; i < parameters.size(); i++) {
      if (i > 0) {
        line.sp();
      }
      line.string(parameters.get(i));
    }
    line.close();
  }

  private static void writeDisposition(ResponseLine line, MimePart part) {
    if (part.disposition() == null) {
      line.ascii("NIL");
      return;
    }
    line.open().string(part.disposition()).sp();
    writeParameters(line, part.dispositionParameters());
    line.close();
  }

  private static void writeLanguage(ResponseLine line, List<String> language) {
    if (language.isEmpty()) {
      line.ascii("NIL");
    } else if (language.size() == 1) {
      line.string(language.get(0));
    } else {
      writeParameters(line, language);
    }
  }

  /** {@code envelope}; Sender and Reply-To default to From (RFC 3501 §7.4.2). */
  public static void writeEnvelope(ResponseLine line, Envelope envelope) {
    line.open().nstring(envelope.date()).sp().nstring(envelope.subject()).sp();
    writeAddresses(line, envelope.from());
    line.sp();
    writeAddresses(line, orFrom(envelope.sender(), envelope.from()));
    line.sp();
    writeAddresses(line, orFrom(envelope.replyTo(), envelope.from()));
    line.sp();
    writeAddresses(line, envelope.to());
    line.sp();
    writeAddresses(line, envelope.cc());
    line.sp();
    writeAddresses(line, envelope.bcc());
    line.sp().nstring(envelope.inReplyTo()).sp().nstring(envelope.messageId()).close();
  }

  private static List<Envelope.Address> orFrom(
      List<Envelope.Address> addresses, List<Envelope.Address> from) {
    return addresses == null || addresses.isEmpty() ? from : addresses;
  }

  private static void writeAddresses(ResponseLine line, List<Envelope.Address> addresses) {
    if (addresses == null || addresses.isEmpty()) {
      line.ascii("NIL");
      return;
    }
    line.open();
    for (Envelope.Address address : addresses) {
      line.open().nstring(address.name()).sp().nstring(address.route()).sp();
      line.nstring(address.mailbox()).sp().nstring(address.host()).close();
    }
    line.close();
  }
}
