package dev.yubin.ejb.accounts.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

  private final PasswordHasher hasher = new PasswordHasher(1_000);

  @Test
  void verifiesTheRightPasswordOnly() {
    String hash = hasher.hash("correct horse");
    assertThat(hash).startsWith("$pbkdf2-sha256$1000$").doesNotContain("correct horse");
    assertThat(hasher.verify("correct horse", hash)).isTrue();
    assertThat(hasher.verify("correct horsE", hash)).isFalse();
  }

  @Test
  void saltsEveryHash() {
    assertThat(hasher.hash("same")).isNotEqualTo(hasher.hash("same"));
  }

  @Test
  void hashesKeepTheirOwnCost() {
    String cheap = hasher.hash("pw");
    assertThat(new PasswordHasher().verify("pw", cheap)).isTrue();
  }

  @Test
  void malformedHashesNeverMatch() {
    assertThat(hasher.verify("pw", null)).isFalse();
    assertThat(hasher.verify("pw", "pw")).isFalse();
    assertThat(hasher.verify("pw", "$pbkdf2-sha256$x$y$z")).isFalse();
    assertThat(hasher.verify("pw", "$pbkdf2-sha256$1000$!!$!!")).isFalse();
  }

  @Test
  void defaultCostFollowsOwasp() {
    assertThat(new PasswordHasher().hash("pw")).startsWith("$pbkdf2-sha256$600000$");
  }
}
