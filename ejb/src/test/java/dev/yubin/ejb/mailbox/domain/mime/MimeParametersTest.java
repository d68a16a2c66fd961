package dev.yubin.ejb.mailbox.domain.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 2231 continuations joined as Dovecot 2.3 reports them in BODYSTRUCTURE. */
class MimeParametersTest {

  private static List<MimeParameter> params(String... nameValues) {
    List<MimeParameter> list = new ArrayList<>();
    for (int i = 0; i < nameValues.length; i += 2) {
      list.add(new MimeParameter(nameValues[i], nameValues[i + 1]));
    }
    return list;
  }

  @Test
  void plainParametersStayInOrder() {
    assertThat(MimeParameters.joinContinuations(params("a", "1", "b", "2")))
        .isEqualTo(params("a", "1", "b", "2"));
  }

  @Test
  void segmentsAreJoinedInIndexOrderAfterThePlainOnes() {
    assertThat(
            MimeParameters.joinContinuations(
                params("name*1", "two.txt", "charset", "utf-8", "name*0", "long name ")))
        .isEqualTo(params("charset", "utf-8", "name", "long name two.txt"));
  }

  @Test
  void anExtendedSegmentMakesTheJoinedValueExtended() {
    assertThat(
            MimeParameters.joinContinuations(
                params("f*0*", "UTF-8''%E6%97", "f*1*", "%A5", "f*2", "100%.txt")))
        .isEqualTo(params("f*", "UTF-8''%E6%97%A5100%25.txt"));
    assertThat(MimeParameters.joinContinuations(params("f*0", "a b", "f*1*", "%41")))
        .isEqualTo(params("f*", "''a b%41"));
  }

  @Test
  void aSeriesWithAMissingIndexIsLeftAlone() {
    assertThat(MimeParameters.joinContinuations(params("f*0", "a", "f*2", "c")))
        .isEqualTo(params("f*0", "a", "f*2", "c"));
  }

  @Test
  void textGetsTheDefaultCharsetLast() {
    MimeEntity text =
        new MimeEntity(
            "text",
            "plain",
            params("name*0", "a", "name*1", "b"),
            null,
            null,
            null,
            null,
            null,
            List.of(),
            List.of(),
            null,
            0,
            0,
            0,
            0,
            List.of(),
            null,
            null);
    assertThat(MimeParameters.forImap(text)).isEqualTo(params("name", "ab", "charset", "us-ascii"));
  }
}
