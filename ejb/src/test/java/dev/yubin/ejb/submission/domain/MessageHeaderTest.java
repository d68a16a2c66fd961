package dev.yubin.ejb.submission.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MessageHeaderTest {

  private static MessageHeader.Parsed parse(String wire, int limit) throws Exception {
    return MessageHeader.read(
        new ByteArrayInputStream(wire.getBytes(StandardCharsets.UTF_8)), limit);
  }

  private static final String MESSAGE =
      "From: x@a.test\r\n"
          + "To: y@b.test\r\n"
          + "Bcc: z@b.test,\r\n"
          + "\tw@b.test\r\n"
          + "Subject: =?UTF-8?B?5pel5pys6Kqe?=\r\n"
          + "\r\n"
          + "Body\r\n";

  @Test
  void readsFieldsUnfoldsValuesAndFindsTheBody() throws Exception {
    MessageHeader.Parsed parsed = parse(MESSAGE, 1000);
    assertThat(parsed.header().names()).containsExactly("from", "to", "bcc", "subject");
    assertThat(parsed.header().all("BCC")).containsExactly("z@b.test,\tw@b.test");
    assertThat(MESSAGE.substring(parsed.bodyOffset())).isEqualTo("Body\r\n");
    assertThat(parsed.header().modified()).isFalse();
  }

  @Test
  void removingAFoldedFieldRemovesAllItsLines() throws Exception {
    MessageHeader header = parse(MESSAGE, 1000).header();
    assertThat(header.remove("bcc")).isEqualTo(1);
    assertThat(new String(header.toBytes(), StandardCharsets.UTF_8))
        .isEqualTo("From: x@a.test\r\nTo: y@b.test\r\nSubject: =?UTF-8?B?5pel5pys6Kqe?=\r\n\r\n");
    assertThat(header.modified()).isTrue();
  }

  @Test
  void addPrependAndSetKeepOrder() throws Exception {
    MessageHeader header = parse(MESSAGE, 1000).header();
    header.prepend("Received", "from a by b; date");
    header.add("Message-ID", "<1@a.test>");
    header.set("To", "q@b.test");
    assertThat(header.names())
        .containsExactly("received", "from", "to", "bcc", "subject", "message-id");
    assertThat(header.first("to")).hasValue("q@b.test");
  }

  @Test
  void utf8FieldsRoundTripByteForByte() throws Exception {
    String wire = "Subject: 日本語のメール\r\n\r\nbody";
    MessageHeader header = parse(wire, 1000).header();
    header.add("X-Test", "1");
    assertThat(new String(header.toBytes(), StandardCharsets.UTF_8))
        .isEqualTo("Subject: 日本語のメール\r\nX-Test: 1\r\n\r\n");
  }

  @Test
  void aLineThatIsNoFieldStartsTheBody() throws Exception {
    String wire = "From: x@a.test\r\nthis is body text\r\n";
    MessageHeader.Parsed parsed = parse(wire, 1000);
    assertThat(parsed.header().names()).containsExactly("from");
    assertThat(wire.substring(parsed.bodyOffset())).isEqualTo("this is body text\r\n");
  }

  @Test
  void aMessageWithoutHeaderOrBodyIsFine() throws Exception {
    assertThat(parse("\r\nbody", 1000).bodyOffset()).isEqualTo(2);
    assertThat(parse("From: x@a.test\r\n", 1000).header().names()).containsExactly("from");
  }

  @Test
  void anEndlessHeaderIsRefused() {
    String wire = "X-A: " + "a".repeat(2000) + "\r\n\r\n";
    assertThatThrownBy(() -> parse(wire, 1000))
        .isInstanceOf(MessageHeader.HeaderTooLargeException.class);
  }

  @Test
  void fieldValuesCannotInjectLines() throws Exception {
    MessageHeader header = parse(MESSAGE, 1000).header();
    assertThatThrownBy(() -> header.add("X-Evil", "a\r\nBcc: spy@c.test"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
