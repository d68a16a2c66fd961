package dev.yubin.protocol.imap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.protocol.imap.backend.MimePart;
import dev.yubin.protocol.imap.wire.ResponseLine;
import java.util.List;
import org.junit.jupiter.api.Test;

class BodyStructuresTest {

  private static MimePart multipartWithoutParts() {
    return new MimePart(
        "multipart",
        "mixed",
        List.of(),
        null,
        null,
        null,
        null,
        null,
        List.of(),
        List.of(),
        null,
        0,
        60,
        100,
        2,
        List.of(),
        null,
        null);
  }

  private static String body(MimePart part, boolean extensions) {
    ResponseLine line = ResponseLine.untagged(false);
    BodyStructures.writeBody(line, part, extensions);
    return line.toString().substring(2);
  }

  @Test
  void aMultipartWithoutPartsDescribesOneEmptyTextPartInItsOwnParentheses() {
    // RFC 3501 §9: body-type-mpart = 1*body SP media-subtype; each body is parenthesized.
    assertThat(body(multipartWithoutParts(), false))
        .isEqualTo(
            "((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0) \"mixed\")");
    assertThat(body(multipartWithoutParts(), true))
        .isEqualTo(
            "((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0 NIL NIL NIL NIL)"
                + " \"mixed\" NIL NIL NIL NIL)");
  }
}
