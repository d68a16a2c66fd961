package dev.yubin.ejb.mailbox.domain.mime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 5256 §2.1 base subject extraction, case by case of its ABNF. */
class BaseSubjectTest {

  @ParameterizedTest(name = "[{0}] -> [{1}]")
  @CsvSource(
      delimiter = '|',
      value = {
        "test|test|false",
        "'  test  '|test|false",
        "Re: test|test|true",
        "RE: Re: re: test|test|true",
        "Fwd: test|test|true",
        "Fw: test|test|true",
        "re : test|test|true",
        "Re[2]: test|test|true",
        "Re: [list] Re: test|test|true",
        "[list] test|test|false",
        "[list] [tag] test|test|false",
        "[list]|[list]|false",
        "test (fwd)|test|true",
        "test (FWD) (fwd)|test|true",
        "[Fwd: Re: test]|test|true",
        "[fwd: [list] test]|test|true",
        "Reply: test|Reply: test|false",
        "Re: 日本語の件名|日本語の件名|true",
        "'Re:\ttabs\t and   spaces'|tabs and spaces|true",
        "Re:|''|true",
      })
  void baseSubject(String subject, String base, boolean replyOrForward) {
    BaseSubject extracted = BaseSubject.of(subject);
    assertThat(extracted.text()).isEqualTo(base);
    assertThat(extracted.replyOrForward()).isEqualTo(replyOrForward);
  }
}
