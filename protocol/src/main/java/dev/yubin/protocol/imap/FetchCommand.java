package dev.yubin.protocol.imap;

import dev.yubin.protocol.imap.backend.MessageData;
import dev.yubin.protocol.imap.backend.MessageFlags;
import dev.yubin.protocol.imap.backend.MimePart;
import dev.yubin.protocol.imap.backend.StoreMode;
import dev.yubin.protocol.imap.backend.StoreOutcome;
import dev.yubin.protocol.imap.wire.ArgumentReader;
import dev.yubin.protocol.imap.wire.ImapSyntaxException;
import dev.yubin.protocol.imap.wire.ResponseLine;
import dev.yubin.protocol.imap.wire.SequenceSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code FETCH set items [(CHANGEDSINCE n)]} and {@code UID FETCH}: message data, one untagged
 * FETCH response per message. Body sections are read from the store as byte ranges located by the
 * stored MIME structure and streamed as literals; a non-PEEK body fetch sets \Seen first and
 * reports the new flags. Messages another session expunged are skipped (EXPUNGEISSUED).
 *
 * @see "RFC 3501 §6.4.5, §7.4.2; RFC 7162 §3.1.4 (CHANGEDSINCE, MODSEQ), §3.2.6 (VANISHED)"
 */
final class FetchCommand extends MessageNumberCommand {

  /** Header sections filtered by HEADER.FIELDS are read into memory up to this size. */
  private static final int MAX_HEADER = 4 * 1024 * 1024;

  FetchCommand() {
    super("FETCH");
  }

  @Override
  List<String> capabilities(ImapSession session) {
    return List.of("CONDSTORE", "QRESYNC", "BINARY");
  }

  @Override
  Completion execute(ImapSession session, Request request) {
    ArgumentReader args = request.args();
    args.space();
    SequenceSet set = args.sequenceSet();
    args.space();
    List<FetchItem> items = new ArrayList<>(FetchItem.parseList(args));
    long changedSince = -1;
    boolean vanished = false;
    if (args.consume(' ')) {
      args.expect('(');
      do {
        String modifier = args.keyword();
        if (modifier.equals("CHANGEDSINCE")) {
          args.space();
          changedSince = args.number();
        } else if (modifier.equals("VANISHED") && request.uid() && session.isEnabled("QRESYNC")) {
          vanished = true;
        } else {
          throw new ImapSyntaxException("unknown FETCH modifier " + modifier);
        }
      } while (args.consume(' '));
      args.expect(')');
      if (vanished && changedSince < 0) {
        throw new ImapSyntaxException("VANISHED needs CHANGEDSINCE");
      }
    }
    args.end();
    if (request.uid() && items.stream().noneMatch(i -> i.name().equals("UID"))) {
      items.add(0, new FetchItem("UID", null, false));
    }
    if (changedSince >= 0) {
      session.enable("CONDSTORE");
      if (items.stream().noneMatch(i -> i.name().equals("MODSEQ"))) {
        items.add(new FetchItem("MODSEQ", null, false));
      }
    }
    SelectedMailbox mailbox = session.selected();
    if (vanished) {
      var changes =
          session.backend().changes(session.principal(), mailbox.id(), changedSince, false);
      if (changes != null) {
        Qresync.writeVanished(session, changes.expunged(), set);
      }
    }
    long[] uids = mailbox.resolve(set, request.uid());
    if (uids.length == 0) {
      return Completion.ok("FETCH completed");
    }
    boolean structure = items.stream().anyMatch(FetchItem::needsStructure);
    List<MessageData> found =
        session.backend().fetch(session.principal(), mailbox.id(), uids, structure);
    Map<Long, MessageData> byUid = new HashMap<>();
    for (MessageData data : found) {
      byUid.put(data.uid(), data);
    }
    Map<Long, MessageFlags> seenNow = markSeen(session, mailbox, items, found);
    boolean missing = false;
    for (long uid : uids) {
      MessageData data = byUid.get(uid);
      if (data == null || mailbox.isExpunged(uid)) {
        missing = true;
        continue;
      }
      if (changedSince >= 0 && data.modseq() <= changedSince) {
        continue;
      }
      MessageFlags flags = seenNow.get(uid);
      if (flags != null) {
        data =
            new MessageData(
                uid,
                flags.flags(),
                flags.modseq(),
                data.internalDate(),
                data.size(),
                data.structure());
        mailbox.reported(uid, flags.modseq());
      }
      mailbox.learnKeywords(session, data.flags());
      try {
        respond(session, mailbox, data, items, flags != null);
      } catch (UnknownTransferEncoding e) {
        return Completion.no("UNKNOWN-CTE", e.getMessage());
      }
    }
    return missing
        ? Completion.ok("EXPUNGEISSUED", "Some messages were expunged meanwhile")
        : Completion.ok("FETCH completed");
  }

  /** Sets \Seen where a body fetch asks for it; answers the new flags of those changed. */
  private static Map<Long, MessageFlags> markSeen(
      ImapSession session,
      SelectedMailbox mailbox,
      List<FetchItem> items,
      List<MessageData> found) {
    Map<Long, MessageFlags> changed = new HashMap<>();
    if (mailbox.readOnly() || items.stream().noneMatch(FetchItem::setsSeen)) {
      return changed;
    }
    long[] unseen =
        found.stream()
            .filter(d -> !d.flags().contains("\\Seen"))
            .mapToLong(MessageData::uid)
            .toArray();
    if (unseen.length == 0) {
      return changed;
    }
    StoreOutcome outcome =
        session
            .backend()
            .store(session.principal(), mailbox.id(), unseen, StoreMode.ADD, Set.of("\\Seen"), -1);
    for (MessageFlags flags : outcome.updated()) {
      changed.put(flags.uid(), flags);
    }
    return changed;
  }

  private static void respond(
      ImapSession session,
      SelectedMailbox mailbox,
      MessageData data,
      List<FetchItem> items,
      boolean flagsChanged) {
    ResponseLine line = session.untagged();
    line.number(mailbox.msnOf(data.uid())).ascii(" FETCH (");
    boolean first = true;
    boolean flagsWritten = false;
    for (FetchItem item : items) {
      if (!first) {
        line.sp();
      }
      first = false;
      flagsWritten |= item.name().equals("FLAGS");
      writeItem(session, mailbox, line, data, item);
    }
    if (flagsChanged && !flagsWritten) {
      line.sp();
      Flags.writeFlagList(line, data.flags(), mailbox.isRecent(data.uid()));
    }
    line.close().writeTo(session.out());
  }

  private static void writeItem(
      ImapSession session,
      SelectedMailbox mailbox,
      ResponseLine line,
      MessageData data,
      FetchItem item) {
    switch (item.name()) {
      case "UID" -> line.ascii("UID ").number(data.uid());
      case "FLAGS" -> Flags.writeFlagList(line, data.flags(), mailbox.isRecent(data.uid()));
      case "INTERNALDATE" ->
          line.ascii("INTERNALDATE \"" + DateTimes.format(data.internalDate()) + "\"");
      case "RFC822.SIZE" -> line.ascii("RFC822.SIZE ").number(data.size());
      case "MODSEQ" -> line.ascii("MODSEQ (").number(data.modseq()).ascii(")");
      case "ENVELOPE" -> {
        line.ascii("ENVELOPE ");
        BodyStructures.writeEnvelope(line, data.structure().envelope());
      }
      case "BODYSTRUCTURE" -> {
        line.ascii("BODYSTRUCTURE ");
        BodyStructures.writeBody(line, data.structure(), true);
      }
      case "RFC822" -> {
        line.ascii("RFC822 ");
        writeRange(session, mailbox, line, data.uid(), 0, data.size());
      }
      case "RFC822.HEADER" -> {
        MimePart root = data.structure();
        line.ascii("RFC822.HEADER ");
        writeRange(session, mailbox, line, data.uid(), 0, root.bodyOffset());
      }
      case "RFC822.TEXT" -> {
        MimePart root = data.structure();
        line.ascii("RFC822.TEXT ");
        writeRange(
            session, mailbox, line, data.uid(), root.bodyOffset(), root.end() - root.bodyOffset());
      }
      case "BODY" -> {
        if (item.section() == null) {
          line.ascii("BODY ");
          BodyStructures.writeBody(line, data.structure(), false);
        } else {
          writeSection(session, mailbox, line, data, item.section());
        }
      }
      case "BINARY", "BINARY.SIZE" -> writeBinary(session, mailbox, line, data, item);
      default -> throw new IllegalStateException(item.name());
    }
  }

  /**
   * BINARY[section] and BINARY.SIZE[section]: a leaf part's content with its transfer encoding
   * undone (RFC 3516). The decoded size is counted by decoding first; a literal8 is used when the
   * content holds NUL.
   */
  private static void writeBinary(
      ImapSession session,
      SelectedMailbox mailbox,
      ResponseLine line,
      MessageData data,
      FetchItem item) {
    BodySection section = item.section();
    long start = 0;
    long length = data.size();
    String encoding = null;
    if (!section.path().isEmpty()) {
      MimePart part = section.locate(data.structure());
      if (part == null) {
        throw new ImapSyntaxException("no such part: " + section.spec());
      }
      if (part.isMultipart() || part.isMessage()) {
        encoding = "binary";
      } else {
        encoding = part.encoding();
      }
      if (!TransferDecoding.known(encoding)) {
        throw new UnknownTransferEncoding(encoding);
      }
      start = part.bodyOffset();
      length = part.bodySize();
    }
    long size;
    boolean nul;
    try (InputStream decoded =
        TransferDecoding.decode(
            session.backend().content(session.principal(), mailbox.id(), data.uid(), start, length),
            encoding)) {
      NulCounter counter = new NulCounter();
      size = decoded.transferTo(counter);
      nul = counter.sawNul;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (item.name().equals("BINARY.SIZE")) {
      line.ascii("BINARY.SIZE[" + section.spec() + "] ").number(size);
      return;
    }
    line.ascii("BINARY[" + section.spec() + "]");
    long from = 0;
    long count = size;
    if (section.partialOrigin() >= 0) {
      line.ascii("<" + section.partialOrigin() + ">");
      from = Math.min(section.partialOrigin(), size);
      count = Math.min(section.partialCount(), size - from);
    }
    line.sp();
    if (count == 0) {
      line.ascii("\"\"");
      return;
    }
    InputStream decoded =
        TransferDecoding.decode(
            session.backend().content(session.principal(), mailbox.id(), data.uid(), start, length),
            encoding);
    line.literal(session.out(), new RangeInputStream(decoded, from, count), count, nul);
  }

  /** Thrown when BINARY meets a transfer encoding it cannot undo: NO [UNKNOWN-CTE]. */
  static final class UnknownTransferEncoding extends RuntimeException {
    UnknownTransferEncoding(String encoding) {
      super("unknown Content-Transfer-Encoding " + encoding, null, false, false);
    }
  }

  /** Counts nothing itself; remembers whether a NUL went through. */
  private static final class NulCounter extends java.io.OutputStream {
    boolean sawNul;

    @Override
    public void write(int b) {
      sawNul |= b == 0;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      for (int i = off; i < off + len && !sawNul; i++) {
        sawNul = b[i] == 0;
      }
    }
  }

  private static void writeSection(
      ImapSession session,
      SelectedMailbox mailbox,
      ResponseLine line,
      MessageData data,
      BodySection section) {
    line.ascii("BODY[" + section.spec() + "]");
    if (section.partialOrigin() >= 0) {
      line.ascii("<" + section.partialOrigin() + ">");
    }
    line.sp();
    long start;
    long length;
    if (section.path().isEmpty() && section.text() == BodySection.Text.ALL) {
      start = 0;
      length = data.size();
    } else {
      MimePart part = section.locate(data.structure());
      MimePart message = part == null ? null : section.path().isEmpty() ? part : part.message();
      switch (section.text()) {
        case ALL -> {
          if (part == null) {
            line.ascii("NIL");
            return;
          }
          start = part.bodyOffset();
          length = part.bodySize();
        }
        case MIME -> {
          if (part == null) {
            line.ascii("NIL");
            return;
          }
          start = part.headerOffset();
          length = part.headerSize();
        }
        case TEXT -> {
          if (message == null) {
            line.ascii("NIL");
            return;
          }
          start = message.bodyOffset();
          length = message.bodySize();
        }
        default -> {
          if (message == null) {
            line.ascii("NIL");
            return;
          }
          start = message.headerOffset();
          length = message.headerSize();
        }
      }
      if (section.text() == BodySection.Text.HEADER_FIELDS
          || section.text() == BodySection.Text.HEADER_FIELDS_NOT) {
        byte[] header = read(session, mailbox, data.uid(), start, Math.min(length, MAX_HEADER));
        byte[] filtered =
            HeaderFields.filter(
                header, section.fields(), section.text() == BodySection.Text.HEADER_FIELDS_NOT);
        line.literal(partial(filtered, section));
        return;
      }
    }
    if (section.partialOrigin() >= 0) {
      long origin = Math.min(section.partialOrigin(), length);
      start += origin;
      length = Math.min(section.partialCount(), length - origin);
    }
    writeRange(session, mailbox, line, data.uid(), start, length);
  }

  private static byte[] partial(byte[] bytes, BodySection section) {
    if (section.partialOrigin() < 0) {
      return bytes;
    }
    int origin = (int) Math.min(section.partialOrigin(), bytes.length);
    int count = (int) Math.min(section.partialCount(), bytes.length - origin);
    byte[] part = new byte[count];
    System.arraycopy(bytes, origin, part, 0, count);
    return part;
  }

  /** A literal holding {@code length} octets of the message from {@code start}, streamed. */
  private static void writeRange(
      ImapSession session,
      SelectedMailbox mailbox,
      ResponseLine line,
      long uid,
      long start,
      long length) {
    if (length <= 0) {
      line.ascii("\"\"");
      return;
    }
    InputStream content =
        session.backend().content(session.principal(), mailbox.id(), uid, start, length);
    if (content == null) {
      throw new IllegalStateException("content of UID " + uid + " is gone");
    }
    line.literal(session.out(), content, length, false);
  }

  private static byte[] read(
      ImapSession session, SelectedMailbox mailbox, long uid, long start, long length) {
    try (InputStream in =
        session.backend().content(session.principal(), mailbox.id(), uid, start, length)) {
      if (in == null) {
        throw new IllegalStateException("content of UID " + uid + " is gone");
      }
      return in.readNBytes((int) length);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
