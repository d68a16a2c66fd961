package dev.yubin.ejb.mailbox.domain.mime;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Parses a message, in one streaming pass, into its {@link MessageStructure} and {@link
 * SearchFields}. Memory stays bounded: bodies are never held, only the first octets of each line
 * and at most {@link #DEFAULT_HEADER_LIMIT} octets of each entity's header fields.
 *
 * <p>The framing follows RFC 2046 §5.1.1 the way Dovecot reads it, so offsets, sizes and line
 * counts match Dovecot's BODYSTRUCTURE: a boundary line starts with {@code "--" boundary} of any
 * enclosing multipart (the innermost and longest match wins; transport padding and anything else
 * after it is ignored) and takes the line break before it; a boundary of an outer multipart ends
 * the inner ones; a header that meets a boundary ends there, without a blank line; a missing close
 * delimiter ends everything at the end of input. Without Content-Type an entity is text/plain, or
 * message/rfc822 in a multipart/digest (RFC 2046 §5.1.5); a top-level or encapsulated entity whose
 * header has neither MIME-Version nor Content-Type has its Content-* fields ignored (RFC 2045 §4).
 */
public final class MimeStructureParser {

  /** Octets of header fields kept per entity. */
  public static final int DEFAULT_HEADER_LIMIT = 256 * 1024;

  /** Nesting beyond which multiparts and messages are not opened (Dovecot's limit). */
  static final int MAX_DEPTH = 100;

  /** Entities beyond which no more are opened (Dovecot's limit). */
  static final int MAX_ENTITIES = 10_000;

  /** Longer boundaries are cut to this length, as Dovecot does (RFC 2046 allows 70). */
  static final int MAX_BOUNDARY = 80;

  /** Octets of a body line kept to recognise a boundary. */
  private static final int BOUNDARY_KEEP = 2 + MAX_BOUNDARY + 2 + 1;

  private final int headerLimit;

  public MimeStructureParser() {
    this(DEFAULT_HEADER_LIMIT);
  }

  public MimeStructureParser(int headerLimit) {
    this.headerLimit = headerLimit;
  }

  /** Parses the message {@code in} holds, to its end. */
  public ParsedMessage parse(InputStream in) throws IOException {
    return new Run(new LineReader(in)).parse();
  }

  /** One open entity. */
  private final class Frame {
    final Frame parent;
    final int depth;
    final long headerOffset;
    EntityHeader header;
    int previousBreak;
    long bodyOffset = -1;
    long lineFeedsAtBody;
    long textStart;
    String boundary;
    Content content;
    Envelope envelope;
    final List<MimeEntity> children = new ArrayList<>();
    MimeEntity message;

    Frame(Frame parent, long headerOffset) {
      this.parent = parent;
      this.depth = parent == null ? 0 : parent.depth + 1;
      this.headerOffset = headerOffset;
      this.header = new EntityHeader(headerLimit);
    }

    boolean inHeader() {
      return bodyOffset < 0;
    }

    /** Whether this entity heads a message (the root or an encapsulated one). */
    boolean headsMessage() {
      return parent == null || parent.content.encapsulates();
    }
  }

  /** The parse of one message. */
  private final class Run {
    private final LineReader reader;
    private final LineReader.Line line = new LineReader.Line();
    private final Deque<Frame> boundaries = new ArrayDeque<>();
    private Frame current;
    private EntityHeader rootHeader;
    private MimeEntity rootEntity;
    private int previousBreak;
    private int entities = 1;

    Run(LineReader reader) {
      this.reader = reader;
    }

    ParsedMessage parse() throws IOException {
      Frame root = current = new Frame(null, 0);
      while (reader.read(line, keep())) {
        Frame owner = boundaries.isEmpty() ? null : boundaryOf();
        if (current.inHeader()) {
          headerLine(owner);
        } else if (owner != null) {
          long end = line.start == current.textStart ? line.start : line.start - previousBreak;
          boundary(owner, end, lineFeedsBefore() - (end < line.start ? 1 : 0));
        } else if (boundaries.isEmpty()) {
          reader.skipToEnd(); // no boundary can end this body: the rest is its
        }
        previousBreak = line.breakSize();
      }
      closeUntil(null, reader.position(), reader.lineFeeds());
      MessageStructure structure = new MessageStructure(rootEntity);
      return new ParsedMessage(
          structure, SearchFieldsReader.read(rootHeader, structure.envelope()));
    }

    private int keep() {
      return current.inHeader() ? Math.max(BOUNDARY_KEEP, current.header.keep()) : BOUNDARY_KEEP;
    }

    /** LFs before the current line. */
    private long lineFeedsBefore() {
      return reader.lineFeeds() - (line.lf ? 1 : 0);
    }

    private void headerLine(Frame owner) {
      if (owner != null) {
        // The header meets a boundary: it ends before the line break that precedes the boundary.
        long end = line.start - current.previousBreak;
        long lineFeeds = lineFeedsBefore() - (current.previousBreak > 0 ? 1 : 0);
        boundary(owner, end, lineFeeds);
      } else if (line.lf && line.contentLength() == 0) {
        endHeader(line.end(), reader.lineFeeds()); // the blank line
      } else {
        current.header.line(line);
        current.previousBreak = line.breakSize();
      }
    }

    /** The frame whose boundary the current line is, or null (Dovecot's boundary_find). */
    private Frame boundaryOf() {
      byte[] b = line.kept;
      int kept = (int) Math.min(line.keptLength, line.contentLength());
      if (kept < 2 || b[0] != '-' || b[1] != '-') {
        return null;
      }
      long length = line.contentLength() - 2;
      boolean trailingDashes =
          length > 2 && line.whole() && b[kept - 1] == '-' && b[kept - 2] == '-';
      Frame best = null;
      for (Frame frame : boundaries) { // innermost first
        String boundary = frame.boundary;
        int n = boundary.length();
        if (n <= length
            && n + 2 <= kept
            && startsWith(b, boundary)
            && (best == null || best.boundary.length() < n)) {
          best = frame;
          if (n == length || (trailingDashes && n + 2 == length)) {
            break; // exactly this boundary: there is no better one
          }
        }
      }
      return best;
    }

    private static boolean startsWith(byte[] b, String boundary) {
      for (int i = 0; i < boundary.length(); i++) {
        if (b[2 + i] != (byte) boundary.charAt(i)) {
          return false;
        }
      }
      return true;
    }

    /**
     * A boundary line of {@code owner}: the entities inside it end at {@code end}; then either a
     * new body part starts after the line or, after a close delimiter, the epilogue.
     */
    private void boundary(Frame owner, long end, long lineFeeds) {
      closeUntil(owner, end, lineFeeds);
      int n = owner.boundary.length();
      boolean close =
          line.keptLength >= n + 4 && line.kept[n + 2] == '-' && line.kept[n + 3] == '-';
      if (close) {
        boundaries.remove(owner);
        owner.textStart = line.end();
      } else if (entities < MAX_ENTITIES) {
        entities++;
        current = new Frame(owner, line.end());
      } else {
        owner.textStart = line.end(); // too many parts: the rest is the multipart's text
      }
    }

    /** Ends every open entity inside {@code stop} (all of them for null) at {@code end}. */
    private void closeUntil(Frame stop, long end, long lineFeeds) {
      while (current != stop) {
        if (current.inHeader()) {
          endHeader(end, lineFeeds); // may open an encapsulated message, closed next round
        } else {
          finish(end, lineFeeds);
        }
      }
    }

    /** Ends the current entity's header at {@code bodyOffset} and opens its body. */
    private void endHeader(long bodyOffset, long lineFeeds) {
      Frame frame = current;
      frame.bodyOffset = bodyOffset;
      frame.lineFeedsAtBody = lineFeeds;
      frame.textStart = bodyOffset;
      EntityHeader header = frame.header.finish();
      frame.header = null;
      Content parent = frame.parent == null ? null : frame.parent.content;
      boolean roomForMore = frame.depth + 1 < MAX_DEPTH && entities < MAX_ENTITIES;
      frame.content = Content.of(header, parent, roomForMore);
      if (frame.headsMessage()) {
        frame.envelope = EnvelopeReader.read(header);
      }
      if (frame.parent == null) {
        rootHeader = header;
      }
      if (frame.content.boundary() != null) {
        frame.boundary = frame.content.boundary();
        boundaries.push(frame);
      } else if (frame.content.encapsulates()) {
        entities++;
        current = new Frame(frame, bodyOffset);
      }
    }

    /** Ends the current entity at {@code end} and hands it to its parent. */
    private void finish(long end, long lineFeeds) {
      Frame frame = current;
      boundaries.remove(frame);
      MimeEntity entity =
          frame.content.entity(
              frame.headerOffset,
              frame.bodyOffset,
              end,
              lineFeeds - frame.lineFeedsAtBody,
              frame.children,
              frame.message,
              frame.envelope);
      current = frame.parent;
      if (current == null) {
        rootEntity = entity;
      } else if (current.content.encapsulates()) {
        current.message = entity;
      } else {
        current.children.add(entity);
      }
    }
  }
}
