package dev.yubin.protocol.imap.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.protocol.imap.wire.CommandFramer.LiteralTarget;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandFramerTest {

  /** Records what the framer hands out; decides literals by a fixed rule. */
  private static final class Recorder implements CommandFramer.Handler {
    final List<String> commands = new ArrayList<>();
    final List<LiteralSpec> announced = new ArrayList<>();
    int tooLong;
    LiteralTarget answer = LiteralTarget.IN_MEMORY;
    final ByteArrayOutputStream sunk = new ByteArrayOutputStream();

    @Override
    public LiteralTarget literal(ImapRequest partial, LiteralSpec spec) {
      announced.add(spec);
      return answer;
    }

    @Override
    public void command(ImapRequest request) {
      ArgumentReader args = request.arguments();
      StringBuilder text = new StringBuilder(args.tag());
      args.space();
      text.append(' ').append(args.keyword());
      while (args.consume(' ')) {
        text.append(' ').append(args.next('{') ? literalText(args) : args.astring());
      }
      commands.add(text.toString());
    }

    private String literalText(ArgumentReader args) {
      Literal literal = args.literal();
      return literal.bytes() == null ? "<sink " + literal.size() + ">" : literal.text();
    }

    @Override
    public void tooLong(ImapRequest partial) {
      tooLong++;
    }
  }

  private static void feed(CommandFramer framer, Recorder recorder, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    framer.feed(bytes, 0, bytes.length, recorder, CommandFramer.StopCondition.NEVER);
  }

  @Test
  void linesAndLiteralsAcrossFeeds() {
    CommandFramer framer = new CommandFramer(1024);
    Recorder recorder = new Recorder();
    feed(framer, recorder, "a1 LOGIN {5}\r\nal");
    feed(framer, recorder, "ice {6+}\r\nsec");
    feed(framer, recorder, "ret\r\na2 NOOP\r\n");
    assertThat(recorder.commands).containsExactly("a1 LOGIN alice secret", "a2 NOOP");
    assertThat(recorder.announced)
        .containsExactly(new LiteralSpec(5, true, false), new LiteralSpec(6, false, false));
  }

  @Test
  void literalToASink() {
    CommandFramer framer = new CommandFramer(1024);
    Recorder recorder = new Recorder();
    recorder.answer =
        LiteralTarget.toSink(
            new LiteralSink() {
              @Override
              public void write(byte[] bytes, int offset, int length) {
                recorder.sunk.write(bytes, offset, length);
              }

              @Override
              public void discard() {}
            });
    feed(framer, recorder, "a1 APPEND INBOX {4000}\r\n" + "x".repeat(4000) + "\r\n");
    assertThat(recorder.commands).containsExactly("a1 APPEND INBOX <sink 4000>");
    assertThat(recorder.sunk.size()).isEqualTo(4000);
  }

  @Test
  void inLiteralWhileAcceptedLiteralOctetsArrive() {
    CommandFramer framer = new CommandFramer(1024);
    Recorder recorder = new Recorder();
    feed(framer, recorder, "a1 LOGIN {5}\r\n");
    assertThat(framer.inLiteral()).isTrue();
    feed(framer, recorder, "alice {6+}\r\nsec");
    assertThat(framer.inLiteral()).isTrue();
    feed(framer, recorder, "ret");
    assertThat(framer.inLiteral()).as("the line after it").isFalse();
    recorder.answer = LiteralTarget.REFUSED;
    feed(framer, recorder, "\r\na2 APPEND INBOX {10+}\r\n01234");
    assertThat(framer.inLiteral()).as("a refused literal is skipped, not received").isFalse();
  }

  @Test
  void aRefusedNonSynchronizingLiteralIsSkippedWithItsCommand() {
    CommandFramer framer = new CommandFramer(1024);
    Recorder recorder = new Recorder();
    recorder.answer = LiteralTarget.REFUSED;
    feed(framer, recorder, "a1 APPEND INBOX {10+}\r\n0123456789 {3+}\r\nabc\r\n");
    recorder.answer = LiteralTarget.IN_MEMORY;
    feed(framer, recorder, "a2 NOOP\r\n");
    assertThat(recorder.commands).containsExactly("a2 NOOP");
  }

  @Test
  void anOverlongLineIsReportedOnceAndSkipped() {
    CommandFramer framer = new CommandFramer(1024);
    Recorder recorder = new Recorder();
    feed(framer, recorder, "a1 " + "X".repeat(5000));
    feed(framer, recorder, "Y".repeat(5000) + "\r\na2 NOOP\r\n");
    assertThat(recorder.tooLong).isEqualTo(1);
    assertThat(recorder.commands).containsExactly("a2 NOOP");
  }
}
