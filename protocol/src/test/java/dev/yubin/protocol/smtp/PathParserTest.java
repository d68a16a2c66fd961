package dev.yubin.protocol.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PathParserTest {

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiterString = " => ",
      value = {
        "<alice@example.test> => alice@example.test => ''",
        "<alice@example.test> SIZE=10 BODY=8BITMIME => alice@example.test => SIZE=10 BODY=8BITMIME",
        "<> => '' => ''",
        "<> SIZE=10 => '' => SIZE=10",
        "alice@example.test => alice@example.test => ''",
        "alice@example.test SIZE=10 => alice@example.test => SIZE=10",
        "<first.last+tag@sub.example.test> => first.last+tag@sub.example.test => ''",
        "<\"john doe\"@example.test> => \"john doe\"@example.test => ''",
        "<\"a\\\"b>c\"@example.test> => \"a\\\"b>c\"@example.test => ''",
        "<@relay.test:alice@example.test> => alice@example.test => ''",
        "<@a.test,@b.test:alice@example.test> => alice@example.test => ''",
        "<alice@[192.0.2.1]> => alice@[192.0.2.1] => ''",
        "<alice@[IPv6:2001:db8::1]> => alice@[IPv6:2001:db8::1] => ''",
        "<alice@[IPv6:::ffff:192.0.2.1]> => alice@[IPv6:::ffff:192.0.2.1] => ''",
        "<alice@[IPv6:1:2:3:4:5:6:7:8]> => alice@[IPv6:1:2:3:4:5:6:7:8] => ''",
        "<alice@[x-tag:anything]> => alice@[x-tag:anything] => ''",
        "<alice@EXAMPLE.test> => alice@EXAMPLE.test => ''",
      })
  void parsesReversePaths(String wire, String address, String parameters) {
    assertThat(PathParser.parseReversePath(wire)).contains(new MailPath(address, parameters));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "",
        "<",
        "<alice@example.test",
        "alice@example.test>",
        "<alice>",
        "<postmaster>",
        "<@example.test>",
        "<alice@>",
        "<@relay.test alice@example.test>",
        "<@relay.test,alice@example.test>",
        "<.alice@example.test>",
        "<alice.@example.test>",
        "<al..ice@example.test>",
        "<al ice@example.test>",
        "<al(ice)@example.test>",
        "<alice@example..test>",
        "<alice@-example.test>",
        "<alice@example-.test>",
        "<alice@example.test.>",
        "<alice@exa_mple.test>",
        "<alice@[256.0.0.1]>",
        "<alice@[1.2.3]>",
        "<alice@[IPv6:1:2:3:4:5:6:7]>",
        "<alice@[IPv6:1:2:3:4:5:6:7:8:9]>",
        "<alice@[IPv6:1::2::3]>",
        "<alice@[IPv6:12345::1]>",
        "<alice@[192.0.2.1>",
        "<\"unterminated@example.test>",
        "<alice@example.test>SIZE=1",
        "<alice@example.test>>",
      })
  void rejectsMalformedReversePaths(String wire) {
    assertThat(PathParser.parseReversePath(wire)).isEmpty();
  }

  @Test
  void atomsTakeEveryAtextCharacter() {
    String local = "!#$%&'*+-/=?^_`{|}~09azAZ";
    assertThat(PathParser.parseReversePath("<" + local + "@example.test>"))
        .contains(new MailPath(local + "@example.test", ""));
  }

  @Test
  void nullPathIsForMailOnly() {
    assertThat(PathParser.parseForwardPath("<>")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"<postmaster>", "<Postmaster>", "<POSTMASTER>", "postmaster"})
  void barePostmasterIsAForwardPath(String wire) {
    assertThat(PathParser.parseForwardPath(wire)).contains(new MailPath("postmaster", ""));
  }

  @Test
  void postmasterWithDomainKeepsItsDomain() {
    assertThat(PathParser.parseForwardPath("<Postmaster@example.test>"))
        .contains(new MailPath("Postmaster@example.test", ""));
  }

  @Test
  void keywordIsCaseInsensitiveAndSpacesAfterTheColonAreSkipped() {
    assertThat(PathParser.afterKeyword("from:  <a@b.test>", "FROM:")).contains("<a@b.test>");
    assertThat(PathParser.afterKeyword("FROM <a@b.test>", "FROM:")).isEmpty();
    assertThat(PathParser.afterKeyword("TO:<a@b.test>", "FROM:")).isEmpty();
  }
}
