package dev.yubin.ejb.submission.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.ejb.accounts.application.Addressing;
import dev.yubin.ejb.accounts.application.addressing.AddressingRules;
import dev.yubin.ejb.accounts.application.addressing.InMemoryAddressBook;
import dev.yubin.ejb.accounts.application.addressing.RecipientResolver;
import dev.yubin.ejb.kernel.Outcome;
import org.junit.jupiter.api.Test;

class SubmissionPolicyTest {

  private final InMemoryAddressBook book =
      new InMemoryAddressBook()
          .domain("example.test")
          .account("alice@example.test")
          .account("bob@example.test")
          .alias("team@example.test", "sales@example.test", "ops@remote.test")
          .alias("sales@example.test", "alice@example.test")
          .catchAll("example.test", "alice@example.test");

  private final SubmissionPolicy policy = policy(true);

  private SubmissionPolicy policy(boolean mustMatch) {
    SubmissionPolicy policy = new SubmissionPolicy();
    policy.senderMustMatch = mustMatch;
    policy.addressing =
        new Addressing() {
          @Override
          public RecipientResolver resolver() {
            return new RecipientResolver(book, AddressingRules.defaults());
          }
        };
    return policy;
  }

  @Test
  void anAuthenticatedUserSendsAsThemselvesInAnySpelling() {
    assertThat(policy.checkSender("alice@example.test", "Alice@EXAMPLE.test").isAccepted())
        .isTrue();
    assertThat(policy.checkSender("Alice@example.test", "alice@example.test").isAccepted())
        .isTrue();
  }

  @Test
  void andAsTheirSubaddresses() {
    assertThat(policy.checkSender("alice@example.test", "alice+lists@example.test").isAccepted())
        .isTrue();
  }

  @Test
  void andAsAnAliasThatExpandsToThem() {
    assertThat(policy.checkSender("alice@example.test", "sales@example.test").isAccepted())
        .isTrue();
    assertThat(policy.checkSender("alice@example.test", "team@example.test").isAccepted())
        .as("through a nested alias")
        .isTrue();
  }

  @Test
  void notAsAnotherUserAnAliasOfOthersOrThroughTheCatchAll() {
    Outcome other = policy.checkSender("bob@example.test", "alice@example.test");
    assertThat(other)
        .isEqualTo(
            Outcome.permanentFailure(
                "5.7.1",
                "<alice@example.test>: Sender address rejected: not owned by user bob@example.test"));
    assertThat(policy.checkSender("bob@example.test", "team@example.test").isPermanentFailure())
        .isTrue();
    assertThat(
            policy.checkSender("alice@example.test", "whoever@example.test").isPermanentFailure())
        .isTrue();
    assertThat(policy.checkSender("alice@example.test", "alice@remote.test").isPermanentFailure())
        .isTrue();
    assertThat(policy.checkSender("alice@example.test", "").isPermanentFailure()).isTrue();
  }

  @Test
  void mxClientsAndADisabledPolicyAreNotRestricted() {
    assertThat(policy.checkSender(null, "anyone@remote.test").isAccepted()).isTrue();
    assertThat(policy(false).checkSender("bob@example.test", "alice@example.test").isAccepted())
        .isTrue();
  }
}
