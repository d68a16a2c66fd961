package dev.yubin.ejb.mailbox.domain.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Framing and field rules beyond what the Dovecot comparison covers. */
class MimeStructureParserTest {

  private static ParsedMessage parse(String message) throws IOException {
    return new MimeStructureParser().parse(ascii(message));
  }

  private static InputStream ascii(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String slice(byte[] content, long from, long to) {
    return new String(content, (int) from, (int) (to - from), StandardCharsets.UTF_8);
  }

  @Test
  void sectionsNameTheOctetsThatBodyFetchReturns() throws Exception {
    byte[] content = Corpus.message("05-forwarded");
    MessageStructure s = Corpus.parse("05-forwarded").structure();
    assertThat(slice(content, s.section(1).bodyOffset(), s.section(1).end()))
        .isEqualTo("See below.");
    MimeEntity forwarded = s.section(2);
    assertThat(slice(content, forwarded.headerOffset(), forwarded.bodyOffset()))
        .isEqualTo("Content-Type: message/rfc822\r\nContent-Disposition: inline\r\n\r\n");
    MimeEntity inner = forwarded.message();
    assertThat(inner.headerOffset()).isEqualTo(forwarded.bodyOffset());
    assertThat(inner.end()).isEqualTo(forwarded.end());
    assertThat(slice(content, inner.headerOffset(), inner.bodyOffset())).startsWith("Date: Fri");
    assertThat(inner.envelope().subject()).isEqualTo("Original message");
    assertThat(slice(content, s.section(2, 1).bodyOffset(), s.section(2, 1).end()))
        .isEqualTo("Bonjour, voil=E0 le texte.");
    assertThat(slice(content, s.section(3, 1).bodyOffset(), s.section(3, 1).end()))
        .isEqualTo("No MIME here.");
    assertThat(s.section(2, 3)).isNull();
    assertThat(s.section(4)).isNull();
    assertThat(s.section()).isSameAs(s.root());
  }

  @Test
  void bareLfFramesLikeCrlf() throws Exception {
    byte[] lf = Corpus.message("09-bare-lf");
    byte[] crlf = new String(lf, StandardCharsets.UTF_8).replace("\n", "\r\n").getBytes();
    MimeEntity a = new MimeStructureParser().parse(new ByteArrayInputStream(lf)).structure().root();
    MimeEntity b =
        new MimeStructureParser().parse(new ByteArrayInputStream(crlf)).structure().root();
    assertThat(a.children()).hasSize(2);
    for (int i = 0; i < 2; i++) {
      MimeEntity x = a.children().get(i);
      MimeEntity y = b.children().get(i);
      assertThat(x.lines()).isEqualTo(y.lines());
      assertThat(x.bodySize() + x.lines()).isEqualTo(y.bodySize()); // one CR less per line
    }
    assertThat(slice(lf, a.children().get(0).bodyOffset(), a.children().get(0).end()))
        .isEqualTo("line one\nline two\n");
  }

  @Test
  void aFiveMegabyteAttachmentIsStreamed() throws Exception {
    int lines = 5 * 1024 * 1024 / 78; // base64 lines of 76 characters and CRLF
    String head =
        "From: a@a.test\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=big\r\n\r\n"
            + "--big\r\nContent-Type: text/plain\r\n\r\nsee attachment\r\n"
            + "--big\r\nContent-Type: application/octet-stream\r\n"
            + "Content-Transfer-Encoding: base64\r\n\r\n";
    String tail = "--big--\r\n"; // the last line's CRLF belongs to the delimiter
    InputStream generated =
        new SequenceInputStream(
            Collections.enumeration(
                List.of(
                    ascii(head), new RepeatedLine("A".repeat(76) + "\r\n", lines), ascii(tail))));
    MessageStructure s = new MimeStructureParser().parse(generated).structure();
    MimeEntity attachment = s.section(2);
    assertThat(attachment.bodySize()).isEqualTo(78L * lines - 2);
    assertThat(attachment.lines()).isEqualTo(lines - 1);
    assertThat(s.size()).isEqualTo(head.length() + 78L * lines + tail.length());
    assertThat(s.section(1).bodySize()).isEqualTo("see attachment".length());
  }

  @Test
  void aFiveMegabyteLineWithoutLineBreaksIsNotHeld() throws Exception {
    String head = "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n\r\n";
    InputStream generated =
        new SequenceInputStream(
            Collections.enumeration(
                List.of(ascii(head), new RepeatedLine("x", 5 << 20), ascii("\r\n--b--\r\n"))));
    MessageStructure s = new MimeStructureParser().parse(generated).structure();
    assertThat(s.section(1).bodySize()).isEqualTo(5 << 20);
    assertThat(s.section(1).lines()).isZero();
  }

  @Test
  void headerFieldsBeyondTheLimitAreDroppedButFramingGoesOn() throws Exception {
    String message =
        "Content-Type: text/html\r\nX-Big: "
            + "y".repeat(4000)
            + "\r\nSubject: after the big one\r\n\r\nbody";
    ParsedMessage parsed = new MimeStructureParser(1024).parse(ascii(message));
    MimeEntity root = parsed.structure().root();
    assertThat(root.subtype()).isEqualTo("html");
    assertThat(root.envelope().subject()).isNull();
    assertThat(root.bodyOffset()).isEqualTo(message.length() - 4);
  }

  @Test
  void nestingStopsAtTheLimit() throws Exception {
    StringBuilder message = new StringBuilder();
    int depth = MimeStructureParser.MAX_DEPTH + 20;
    for (int i = 0; i < depth; i++) {
      message.append("Content-Type: multipart/mixed; boundary=b").append(i).append("\r\n\r\n");
      message.append("--b").append(i).append("\r\n");
    }
    message.append("\r\ndeepest\r\n");
    MimeEntity entity = parse(message.toString()).structure().root();
    int levels = 0;
    while (entity.isMultipart()) {
      entity = entity.children().get(0);
      levels++;
    }
    assertThat(levels).isEqualTo(MimeStructureParser.MAX_DEPTH - 1);
    assertThat(entity.type() + "/" + entity.subtype()).isEqualTo("application/octet-stream");
  }

  @Test
  void emptyInputIsAnEmptyTextMessage() throws Exception {
    MimeEntity root = parse("").structure().root();
    assertThat(root.type() + "/" + root.subtype()).isEqualTo("text/plain");
    assertThat(root.end()).isZero();
    assertThat(root.envelope()).isEqualTo(Envelope.EMPTY);
  }

  @Test
  void anInvalidContentTypeMeansTextPlain() throws Exception {
    MimeEntity root =
        parse("MIME-Version: 1.0\r\nContent-Type: garbage\r\n\r\nx").structure().root();
    assertThat(root.type() + "/" + root.subtype()).isEqualTo("text/plain");
    assertThat(root.charset()).isEqualTo("us-ascii");
  }

  @Test
  void contentFieldsOfANonMimeMessageAreIgnored() throws Exception {
    MimeEntity root =
        parse("Subject: x\r\nContent-Transfer-Encoding: base64\r\nContent-ID: <a@b>\r\n\r\nx")
            .structure()
            .root();
    assertThat(root.transferEncoding()).isNull();
    assertThat(root.id()).isNull();
  }

  @Test
  void rawParametersKeepRfc2231Segments() throws Exception {
    MimeEntity attachment = Corpus.parse("20-rfc2231").structure().section(2);
    assertThat(attachment.dispositionParameters())
        .containsExactly(
            new MimeParameter("filename*0*", "ISO-2022-JP''%1B%24B%24%22"),
            new MimeParameter("filename*1*", "%24%24%1B%28B.txt"));
    assertThat(attachment.parameters())
        .containsExactly(new MimeParameter("name*", "UTF-8''%E6%97%A5%E6%9C%AC.txt"));
  }

  @Test
  void encapsulatedMessageGlobalHasItsEnvelope() throws Exception {
    MimeEntity global = Corpus.parse("25-message-global").structure().section(2);
    assertThat(global.isMessage()).isTrue();
    assertThat(global.message().envelope().subject()).isEqualTo("グローバル");
    assertThat(global.message().envelope().from())
        .containsExactly(new Envelope.Address("送信者", null, "送信者", "例え.jp"));
  }

  /** An input stream of one line repeated, generated as it is read. */
  private static final class RepeatedLine extends InputStream {
    private final byte[] line;
    private long remaining;
    private int pos;

    RepeatedLine(String line, long times) {
      this.line = line.getBytes(StandardCharsets.US_ASCII);
      this.remaining = times;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (remaining == 0) {
        return -1;
      }
      int n = 0;
      while (n < len && remaining > 0) {
        int chunk = Math.min(len - n, line.length - pos);
        System.arraycopy(line, pos, b, off + n, chunk);
        n += chunk;
        pos += chunk;
        if (pos == line.length) {
          pos = 0;
          remaining--;
        }
      }
      return n;
    }
  }
}
