package dev.yubin.protocol.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SmtpConfigTest {

  @Test
  void defaultsFollowRfc5321AndPostfix() {
    SmtpConfig config = SmtpConfig.defaults("mx.example.test");
    assertThat(config.maxMessageSize()).isEqualTo(35L * 1024 * 1024);
    assertThat(config.maxRecipients()).isEqualTo(1000);
    assertThat(config.maxErrors()).isEqualTo(20);
    assertThat(config.commandTimeout()).isEqualTo(Duration.ofMinutes(5));
    assertThat(config.dataTimeout()).isEqualTo(Duration.ofMinutes(3));
  }

  @Test
  void hostnameMustBeOneWord() {
    assertThatIllegalArgumentException().isThrownBy(() -> SmtpConfig.defaults("mx example"));
    assertThatIllegalArgumentException().isThrownBy(() -> SmtpConfig.defaults("mx\r\n"));
  }

  @Test
  void limitsMustBePositive() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new SmtpConfig(
                    "mx.example.test", 0, 1, 1, Duration.ofMinutes(1), Duration.ofMinutes(1)));
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> new SmtpConfig("mx.example.test", 1, 1, 1, Duration.ZERO, Duration.ofMinutes(1)));
  }

  @Test
  void theMxPortOffersNoAuthAndSubmissionRequiresItOverTls() {
    SmtpConfig mx = SmtpConfig.defaults("mx.example.test");
    assertThat(mx.authOffered()).isFalse();
    assertThat(mx.authRequired()).isFalse();
    assertThat(mx.authRequiresTls()).isTrue();
    assertThat(mx.tlsAvailable()).isFalse();
    SmtpConfig submission = SmtpConfig.submission("mx.example.test");
    assertThat(submission.tlsAvailable()).isTrue();
    assertThat(submission.authOffered()).isTrue();
    assertThat(submission.authRequired()).isTrue();
    assertThat(submission.authRequiresTls()).isTrue();
    assertThat(submission.maxMessageSize()).isEqualTo(mx.maxMessageSize());
  }

  @Test
  void authCannotBeRequiredWithoutBeingOffered() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SmtpConfig.defaults("mx.example.test").withAuth(false, true));
  }
}
