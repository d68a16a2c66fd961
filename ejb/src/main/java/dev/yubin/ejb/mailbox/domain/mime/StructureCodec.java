package dev.yubin.ejb.mailbox.domain.mime;

import dev.yubin.ejb.mailbox.domain.mime.Envelope.Address;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The binary form of a {@link MessageStructure} kept in the store's BLOB column: a version byte,
 * then the entity tree depth first. Numbers are unsigned varints; a string is its UTF-8 length + 1
 * as a varint (0 for null), then its octets; a list is its size, then its items.
 */
public final class StructureCodec {

  /** The format written; {@link #decode} refuses others (re-parse the content then). */
  public static final int VERSION = 1;

  /** Nesting deeper than the parser ever produces means a corrupt blob. */
  private static final int MAX_DEPTH = 2 * MimeStructureParser.MAX_DEPTH + 2;

  private StructureCodec() {}

  public static byte[] encode(MessageStructure structure) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      entity(out, structure.root());
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
    }
    return bytes.toByteArray();
  }

  /**
   * The structure {@code blob} holds.
   *
   * @throws IOException when the blob is of another version or corrupt
   */
  public static MessageStructure decode(byte[] blob) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(blob));
    int version = in.readUnsignedByte();
    if (version != VERSION) {
      throw new IOException("structure version " + version + ", expected " + VERSION);
    }
    MimeEntity root = entity(in, 0);
    if (in.read() != -1) {
      throw new IOException("trailing bytes after the structure");
    }
    return new MessageStructure(root);
  }

  private static void entity(DataOutputStream out, MimeEntity e) throws IOException {
    string(out, e.type());
    string(out, e.subtype());
    parameters(out, e.parameters());
    string(out, e.id());
    string(out, e.description());
    string(out, e.transferEncoding());
    string(out, e.md5());
    string(out, e.disposition());
    parameters(out, e.dispositionParameters());
    number(out, e.language().size());
    for (String tag : e.language()) {
      string(out, tag);
    }
    string(out, e.location());
    number(out, e.headerOffset());
    number(out, e.bodyOffset() - e.headerOffset());
    number(out, e.end() - e.bodyOffset());
    number(out, e.lines());
    number(out, e.children().size());
    for (MimeEntity child : e.children()) {
      entity(out, child);
    }
    out.writeBoolean(e.message() != null);
    if (e.message() != null) {
      entity(out, e.message());
    }
    out.writeBoolean(e.envelope() != null);
    if (e.envelope() != null) {
      envelope(out, e.envelope());
    }
  }

  private static MimeEntity entity(DataInputStream in, int depth) throws IOException {
    if (depth > MAX_DEPTH) {
      throw new IOException("structure nested too deeply");
    }
    String type = string(in);
    String subtype = string(in);
    List<MimeParameter> parameters = parameters(in);
    String id = string(in);
    String description = string(in);
    String encoding = string(in);
    String md5 = string(in);
    String disposition = string(in);
    List<MimeParameter> dispositionParameters = parameters(in);
    int languages = count(in);
    List<String> language = new ArrayList<>(languages);
    for (int i = 0; i < languages; i++) {
      language.add(string(in));
    }
    String location = string(in);
    long headerOffset = number(in);
    long bodyOffset = headerOffset + number(in);
    long end = bodyOffset + number(in);
    long lines = number(in);
    int childCount = count(in);
    List<MimeEntity> children = new ArrayList<>(childCount);
    for (int i = 0; i < childCount; i++) {
      children.add(entity(in, depth + 1));
    }
    MimeEntity message = in.readBoolean() ? entity(in, depth + 1) : null;
    Envelope envelope = in.readBoolean() ? envelope(in) : null;
    if (type == null || subtype == null) {
      throw new IOException("entity without a type");
    }
    return new MimeEntity(
        type,
        subtype,
        parameters,
        id,
        description,
        encoding,
        md5,
        disposition,
        dispositionParameters,
        language,
        location,
        headerOffset,
        bodyOffset,
        end,
        lines,
        children,
        message,
        envelope);
  }

  private static void envelope(DataOutputStream out, Envelope e) throws IOException {
    string(out, e.date());
    string(out, e.subject());
    for (List<Address> list : List.of(e.from(), e.sender(), e.replyTo(), e.to(), e.cc(), e.bcc())) {
      number(out, list.size());
      for (Address a : list) {
        string(out, a.name());
        string(out, a.route());
        string(out, a.mailbox());
        string(out, a.host());
      }
    }
    string(out, e.inReplyTo());
    string(out, e.messageId());
  }

  private static Envelope envelope(DataInputStream in) throws IOException {
    String date = string(in);
    String subject = string(in);
    List<List<Address>> lists = new ArrayList<>(6);
    for (int l = 0; l < 6; l++) {
      int size = count(in);
      List<Address> list = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        list.add(new Address(string(in), string(in), string(in), string(in)));
      }
      lists.add(list);
    }
    return new Envelope(
        date,
        subject,
        lists.get(0),
        lists.get(1),
        lists.get(2),
        lists.get(3),
        lists.get(4),
        lists.get(5),
        string(in),
        string(in));
  }

  private static void parameters(DataOutputStream out, List<MimeParameter> parameters)
      throws IOException {
    number(out, parameters.size());
    for (MimeParameter p : parameters) {
      string(out, p.name());
      string(out, p.value());
    }
  }

  private static List<MimeParameter> parameters(DataInputStream in) throws IOException {
    int size = count(in);
    List<MimeParameter> parameters = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      parameters.add(new MimeParameter(string(in), string(in)));
    }
    return parameters;
  }

  private static void string(DataOutputStream out, String s) throws IOException {
    if (s == null) {
      number(out, 0);
      return;
    }
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    number(out, bytes.length + 1L);
    out.write(bytes);
  }

  private static String string(DataInputStream in) throws IOException {
    long length = number(in);
    if (length == 0) {
      return null;
    }
    if (length - 1 > in.available()) {
      throw new IOException("string longer than the blob");
    }
    byte[] bytes = new byte[(int) (length - 1)];
    in.readFully(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** A count of items that must fit in what is left of the blob. */
  private static int count(DataInputStream in) throws IOException {
    long n = number(in);
    if (n > in.available()) {
      throw new IOException("count larger than the blob");
    }
    return (int) n;
  }

  private static void number(DataOutputStream out, long n) throws IOException {
    if (n < 0) {
      throw new IllegalArgumentException("negative " + n);
    }
    while ((n & ~0x7FL) != 0) {
      out.writeByte((int) ((n & 0x7F) | 0x80));
      n >>>= 7;
    }
    out.writeByte((int) n);
  }

  private static long number(DataInputStream in) throws IOException {
    long n = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      int b = in.readUnsignedByte();
      n |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return n;
      }
    }
    throw new IOException("varint too long");
  }
}
