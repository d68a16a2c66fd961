package dev.yubin.protocol.sasl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.protocol.sasl.SaslStep.Challenge;
import dev.yubin.protocol.sasl.SaslStep.Done;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The server side against the example exchange of RFC 7677 §3. */
class ScramSha256MechanismTest {

  private static final byte[] SALT = Base64.getDecoder().decode("W22ZaJ0SNY7soEsUEjb6gQ==");
  private static final String SERVER_NONCE = "%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0";
  private static final String CLIENT_FIRST = "n,,n=user,r=rOprNGfwEbeRWgbNEkqO";
  private static final String SERVER_FIRST =
      "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096";
  private static final String CLIENT_FINAL =
      "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
          + "p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=";
  private static final String SERVER_FINAL = "v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=";

  private final TestAuthenticator users =
      new TestAuthenticator().user("user", "pencil", SALT, 4096);
  private final ScramSha256Mechanism mechanism =
      new ScramSha256Mechanism(
          () -> SERVER_NONCE, new FakeScramCredentials(new SecureRandom(), 4096));

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String challenge(SaslStep step) {
    assertThat(step).isInstanceOf(Challenge.class);
    return new String(((Challenge) step).data(), StandardCharsets.UTF_8);
  }

  private static AuthResult result(SaslStep step) {
    assertThat(step).isInstanceOf(Done.class);
    return ((Done) step).result();
  }

  @Test
  void rfc7677ExampleProducesTheRfcServerMessages() {
    SaslExchange exchange = mechanism.start(users);
    assertThat(challenge(exchange.step(bytes(CLIENT_FIRST)))).isEqualTo(SERVER_FIRST);
    assertThat(challenge(exchange.step(bytes(CLIENT_FINAL)))).isEqualTo(SERVER_FINAL);
    assertThat(result(exchange.step(new byte[0]))).isEqualTo(AuthResult.accepted("user"));
    assertThat(exchange.user()).isEqualTo("user");
  }

  @Test
  void withoutInitialResponseTheServerSendsAnEmptyChallengeFirst() {
    SaslExchange exchange = mechanism.start(users);
    assertThat(challenge(exchange.step(null))).isEmpty();
    assertThat(challenge(exchange.step(bytes(CLIENT_FIRST)))).isEqualTo(SERVER_FIRST);
  }

  @Test
  void aWrongProofFails() {
    SaslExchange exchange = mechanism.start(users);
    exchange.step(bytes(CLIENT_FIRST));
    String wrong = CLIENT_FINAL.replace("p=dHzb", "p=dHzc");
    assertThat(result(exchange.step(bytes(wrong)))).isEqualTo(AuthResult.rejected());
  }

  @Test
  void anUnknownUserGetsAPlausibleDeterministicChallengeAndFailsOnlyAtTheEnd() {
    SaslExchange first = mechanism.start(users);
    String challenge = challenge(first.step(bytes("n,,n=nobody,r=abc")));
    assertThat(challenge)
        .matches("r=abc%hvYDpWUa2RaTCAfuxFIlj\\)hNlF\\$k0,s=[A-Za-z0-9+/]{22}==,i=4096");
    SaslExchange second = mechanism.start(users);
    assertThat(challenge(second.step(bytes("n,,n=nobody,r=abc")))).isEqualTo(challenge);
    String finalMessage =
        "c=biws,r=abc" + SERVER_NONCE + ",p=" + Base64.getEncoder().encodeToString(new byte[32]);
    assertThat(result(first.step(bytes(finalMessage)))).isEqualTo(AuthResult.rejected());
  }

  @Test
  void anUnknownUserHasOneSaltWhateverTheSpellingAsARealUserHas() {
    String salt = salt(challenge(mechanism.start(users).step(bytes("n,,n=nobody@d.test,r=abc"))));
    assertThat(salt(challenge(mechanism.start(users).step(bytes("n,,n=NOBODY@d.test.,r=abc")))))
        .isEqualTo(salt);
    assertThat(salt(challenge(mechanism.start(users).step(bytes("n,,n=\"nobody\"@d.test,r=x")))))
        .isEqualTo(salt);
    assertThat(salt(challenge(mechanism.start(users).step(bytes("n,,n=other@d.test,r=abc")))))
        .isNotEqualTo(salt);
  }

  private static String salt(String serverFirst) {
    return serverFirst.split(",")[1];
  }

  @Test
  void channelBindingIsRefused() {
    SaslExchange exchange = mechanism.start(users);
    assertThat(result(exchange.step(bytes("p=tls-unique,,n=user,r=abc"))))
        .isEqualTo(AuthResult.rejected());
    assertThat(users.calls).isEmpty();
  }

  @Test
  void yFlagIsAcceptedAndMustBeEchoedInTheChannelBinding() {
    SaslExchange exchange = mechanism.start(users);
    exchange.step(bytes("y,,n=user,r=rOprNGfwEbeRWgbNEkqO"));
    // c=biws is "n,,", not "y,,": the client changed the header, which must fail
    assertThat(result(exchange.step(bytes(CLIENT_FINAL)))).isEqualTo(AuthResult.rejected());
  }

  @Test
  void malformedMessagesAndForeignAuthorizationIdentitiesAreRefused() {
    for (String bad :
        new String[] {
          "n,,r=abc",
          "n,,n=user",
          "n,,n=us=er,r=abc",
          "x,,n=user,r=abc",
          "n",
          "n,a=other,n=user,r=a"
        }) {
      assertThat(result(mechanism.start(users).step(bytes(bad))))
          .as(bad)
          .isEqualTo(AuthResult.rejected());
    }
    SaslExchange self = mechanism.start(users);
    assertThat(self.step(bytes("n,a=user,n=user,r=abc"))).isInstanceOf(Challenge.class);
  }

  @Test
  void aNonEmptyAnswerToTheServerSignatureFails() {
    SaslExchange exchange = mechanism.start(users);
    exchange.step(bytes(CLIENT_FIRST));
    exchange.step(bytes(CLIENT_FINAL));
    assertThat(result(exchange.step(bytes("x")))).isEqualTo(AuthResult.rejected());
  }

  @Test
  void credentialsDeriveFromTheSaltedPassword() {
    ScramCredentials credentials = users.scramCredentials("user");
    assertThat(credentials.iterations()).isEqualTo(4096);
    assertThat(credentials.salt()).isEqualTo(SALT);
    assertThat(credentials.toString()).doesNotContain("storedKey=");
  }
}
