package dev.yubin.ejb.relay.infrastructure.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReplyReaderTest {

  private static ReplyReader reader(String wire) {
    // An unconnected socket only receives the timeouts.
    return new ReplyReader(
        new ByteArrayInputStream(wire.getBytes(StandardCharsets.UTF_8)), new Socket());
  }

  private static ServerReply read(String wire) throws Exception {
    return reader(wire).read(Duration.ofSeconds(1));
  }

  @Test
  void multiLineRepliesAndEnhancedStatusCodes() throws Exception {
    ServerReply reply = read("550-5.1.1 no such\r\n550-5.1.1 user here\r\n550 5.1.1 sorry\r\n");

    assertThat(reply.code()).isEqualTo(550);
    assertThat(reply.lines()).containsExactly("5.1.1 no such", "5.1.1 user here", "5.1.1 sorry");
    assertThat(reply.toReply().toString()).isEqualTo("550 5.1.1 no such user here sorry");
  }

  @Test
  void aMissingOrMismatchedStatusFallsBackToTheClass() throws Exception {
    assertThat(read("451 try later\r\n").toReply().status()).isEqualTo("4.0.0");
    assertThat(read("451 5.1.1 wrong class\r\n").toReply().status()).isEqualTo("4.0.0");
    assertThat(read("250\r\n").toReply().text()).isEmpty();
  }

  @Test
  void bareLfAndControlCharactersAreTolerated() throws Exception {
    ServerReply reply = read("220 hello\tthere\n");

    assertThat(reply.lines()).containsExactly("hello there");
  }

  @Test
  void ehloKeywords() throws Exception {
    EhloKeywords keywords =
        EhloKeywords.parse(read("250-mx.test\r\n250-size 5000\r\n250-PIPELINING\r\n250 dsn\r\n"));

    assertThat(keywords.names()).containsExactlyInAnyOrder("SIZE", "PIPELINING", "DSN");
    assertThat(keywords.sizeLimit()).isEqualTo(5000);
    assertThat(EhloKeywords.parse(read("250-mx.test\r\n250 SIZE\r\n")).sizeLimit()).isZero();
  }

  @Test
  void malformedRepliesAreProtocolErrors() {
    assertThatThrownBy(() -> read("hello\r\n")).isInstanceOf(SmtpProtocolException.class);
    assertThatThrownBy(() -> read("150 one hundred\r\n")).isInstanceOf(SmtpProtocolException.class);
    assertThatThrownBy(() -> read("250*odd separator\r\n"))
        .isInstanceOf(SmtpProtocolException.class);
    assertThatThrownBy(() -> read("250-a\r\n251 b\r\n")).isInstanceOf(SmtpProtocolException.class);
    assertThatThrownBy(() -> read("250-a\r\n".repeat(101) + "250 b\r\n"))
        .isInstanceOf(SmtpProtocolException.class);
    assertThatThrownBy(() -> read("250 " + "x".repeat(ReplyReader.MAX_LINE) + "\r\n"))
        .isInstanceOf(SmtpProtocolException.class);
    assertThatThrownBy(() -> read("250-a\r\n")).isInstanceOf(EOFException.class);
  }

  @Test
  void longLinesAreKeptShort() throws Exception {
    ServerReply reply = read("250 " + "x".repeat(5000) + "\r\n");

    assertThat(reply.lines().get(0)).hasSizeLessThan(ReplyReader.KEPT_CHARS + 4);
  }
}
