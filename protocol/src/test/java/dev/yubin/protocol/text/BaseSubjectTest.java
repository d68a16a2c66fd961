package dev.yubin.protocol.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 5256 §2.1: each step of the base subject extraction, and what marks a reply or forward. */
class BaseSubjectTest {

  @ParameterizedTest(name = "«{0}» -> «{1}»")
  @CsvSource(
      delimiter = '|',
      value = {
        "Lunch plans|Lunch plans|false",
        "Re: Lunch plans|Lunch plans|true",
        "RE:  re: Fwd: FW: x|x|true",
        "Re [2]: hello|hello|true",
        "Re[3]:hello|hello|true",
        "[list] Re: [2] hello|hello|true",
        "[a][b] topic|topic|false",
        "[list]|[list]|false",
        "[fwd: Report]|Report|true",
        "Report (fwd)|Report|true",
        "Report (FWD) (fwd)  |Report|true",
        "Fw: [fwd: Re: hi] (fwd)|hi|true",
        "[FWD: [list] status]|status|true",
        "Regarding x|Regarding x|false",
        "Fwdx: y|Fwdx: y|false",
        "'  Spaced\t  out  '|Spaced out|false",
        "Re:|''|true",
        "会議の件|会議の件|false",
        "Re: 会議の件|会議の件|true",
        "re : test|test|true",
        "Re: [list] Re: test|test|true",
        "[Fwd: Re: test]|test|true",
        "[fwd: [list] test]|test|true",
        "Reply: test|Reply: test|false",
        "'Re:\ttabs\t and   spaces'|tabs and spaces|true",
      })
  void extracts(String subject, String base, boolean replyOrForward) {
    assertThat(BaseSubject.of(subject)).isEqualTo(new BaseSubject(base, replyOrForward));
  }

  @ParameterizedTest(name = "«{0}» folded")
  @CsvSource({"'Lunch\r\n plans'", "'Lunch\r\n\t plans'"})
  void unfoldsContinuations(String subject) {
    assertThat(BaseSubject.of(subject).text()).isEqualTo("Lunch plans");
  }

  @org.junit.jupiter.api.Test
  void noSubjectIsEmpty() {
    assertThat(BaseSubject.of(null)).isEqualTo(new BaseSubject("", false));
  }
}
