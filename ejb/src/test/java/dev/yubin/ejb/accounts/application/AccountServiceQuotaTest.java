package dev.yubin.ejb.accounts.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class AccountServiceQuotaTest {

  @Test
  void aQuotaSettingIsBytesOrNothing() {
    assertThat(AccountService.parseQuota("1048576")).isEqualTo(1_048_576L);
    assertThat(AccountService.parseQuota(" 0 ")).isZero();
    assertThat(AccountService.parseQuota("")).isNull();
    assertThat(AccountService.parseQuota("None")).isNull();
  }

  @Test
  void anythingElseIsRefused() {
    assertThatIllegalArgumentException().isThrownBy(() -> AccountService.parseQuota("-1"));
    assertThatIllegalArgumentException().isThrownBy(() -> AccountService.parseQuota("10M"));
  }
}
