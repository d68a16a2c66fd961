package dev.yubin.protocol.sasl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.protocol.sasl.SaslStep.Challenge;
import dev.yubin.protocol.sasl.SaslStep.Done;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlainAndLoginMechanismTest {

  private final TestAuthenticator users =
      new TestAuthenticator().user("alice", "s3cret pw", new byte[16], 1);

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static AuthResult result(SaslStep step) {
    assertThat(step).isInstanceOf(Done.class);
    return ((Done) step).result();
  }

  private static String challenge(SaslStep step) {
    assertThat(step).isInstanceOf(Challenge.class);
    return new String(((Challenge) step).data(), StandardCharsets.UTF_8);
  }

  @Test
  void plainWithAndWithoutAuthorizationIdentity() {
    assertThat(result(new PlainMechanism().start(users).step(bytes("\0alice\0s3cret pw"))))
        .isEqualTo(AuthResult.accepted("alice"));
    assertThat(result(new PlainMechanism().start(users).step(bytes("alice\0alice\0s3cret pw"))))
        .isEqualTo(AuthResult.accepted("alice"));
    assertThat(result(new PlainMechanism().start(users).step(bytes("bob\0alice\0s3cret pw"))))
        .isEqualTo(AuthResult.rejected());
    assertThat(users.calls)
        .containsExactly(
            "authenticate null alice s3cret pw",
            "authenticate alice alice s3cret pw",
            "authenticate bob alice s3cret pw");
  }

  @Test
  void plainWithoutInitialResponseSendsAnEmptyChallenge() {
    SaslExchange exchange = new PlainMechanism().start(users);
    assertThat(challenge(exchange.step(null))).isEmpty();
    assertThat(result(exchange.step(bytes("\0alice\0wrong")))).isEqualTo(AuthResult.rejected());
    assertThat(exchange.user()).isEqualTo("alice");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "alice", "\0alice", "\0\0pw", "\0alice\0", "\0alice\0pw\0x"})
  void malformedPlainMessagesAreRejectedWithoutAskingTheBackend(String message) {
    assertThat(result(new PlainMechanism().start(users).step(bytes(message))))
        .isEqualTo(AuthResult.rejected());
    assertThat(users.calls).isEmpty();
  }

  @Test
  void plainRefusesInvalidUtf8() {
    byte[] message = {0, 'a', (byte) 0xc3, 0, 'p'};
    assertThat(result(new PlainMechanism().start(users).step(message)))
        .isEqualTo(AuthResult.rejected());
    assertThat(users.calls).isEmpty();
  }

  @Test
  void loginAsksForUserThenPassword() {
    SaslExchange exchange = new LoginMechanism().start(users);
    assertThat(challenge(exchange.step(null))).isEqualTo("Username:");
    assertThat(challenge(exchange.step(bytes("alice")))).isEqualTo("Password:");
    assertThat(result(exchange.step(bytes("s3cret pw")))).isEqualTo(AuthResult.accepted("alice"));
  }

  @Test
  void loginTakesAnInitialResponseAsTheUserName() {
    SaslExchange exchange = new LoginMechanism().start(users);
    assertThat(challenge(exchange.step(bytes("alice")))).isEqualTo("Password:");
    assertThat(exchange.user()).isEqualTo("alice");
    assertThat(result(exchange.step(bytes("nope")))).isEqualTo(AuthResult.rejected());
  }

  @Test
  void loginRefusesEmptyUserOrPassword() {
    assertThat(result(new LoginMechanism().start(users).step(new byte[0])))
        .isEqualTo(AuthResult.rejected());
    SaslExchange exchange = new LoginMechanism().start(users);
    exchange.step(bytes("alice"));
    assertThat(result(exchange.step(new byte[0]))).isEqualTo(AuthResult.rejected());
    assertThat(users.calls).isEmpty();
  }
}
