package dev.yubin.ejb.accounts.application.addressing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.ejb.accounts.application.addressing.Resolution.Outcome;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RecipientResolverTest {

  private final InMemoryAddressBook book =
      new InMemoryAddressBook()
          .domain("example.test")
          .domain("other.test")
          .account("alice@example.test")
          .account("bob@example.test")
          .account("carol@other.test");

  private AddressingRules rules = AddressingRules.defaults();

  private Resolution resolve(String forwardPath) {
    return new RecipientResolver(book, rules).resolve(forwardPath);
  }

  private static Resolution deliver(List<String> mailboxes, List<String> remote) {
    return new Resolution(Outcome.DELIVER, mailboxes, remote, List.of());
  }

  @Nested
  class Accounts {

    @Test
    void anAccountIsItsOwnMailbox() {
      assertThat(resolve("alice@example.test"))
          .isEqualTo(deliver(List.of("alice@example.test"), List.of()));
    }

    @Test
    void localPartAndDomainCompareCaseInsensitively() {
      assertThat(resolve("ALICE@Example.TEST.").mailboxes()).containsExactly("alice@example.test");
    }

    @Test
    void anUnknownLocalPartIsUnknown() {
      assertThat(resolve("nobody@example.test").outcome()).isEqualTo(Outcome.UNKNOWN);
    }

    @Test
    void anotherDomainIsNotLocal() {
      assertThat(resolve("alice@elsewhere.test"))
          .isEqualTo(
              new Resolution(
                  Outcome.NOT_LOCAL, List.of(), List.of("alice@elsewhere.test"), List.of()));
    }

    @Test
    void anotherDomainsLocalPartIsPassedOnAsGiven() {
      assertThat(resolve("Alice.Smith@Elsewhere.TEST.").remote())
          .containsExactly("Alice.Smith@elsewhere.test");
    }

    @Test
    void whatIsNoAddressIsInvalid() {
      assertThat(resolve("no-at-sign").outcome()).isEqualTo(Outcome.INVALID);
      assertThat(resolve("@example.test").outcome()).isEqualTo(Outcome.INVALID);
    }
  }

  @Nested
  class Aliases {

    @Test
    void anAliasReachesEveryTargetOnceInOrder() {
      book.alias("team@example.test", "bob@example.test", "alice@example.test");

      assertThat(resolve("Team@example.test"))
          .isEqualTo(deliver(List.of("bob@example.test", "alice@example.test"), List.of()));
    }

    @Test
    void targetsInOtherDomainsAreRemoteAndLocalOnesInOtherLocalDomainsAreMailboxes() {
      book.alias("fwd@example.test", "Someone@Elsewhere.test", "carol@other.test");

      assertThat(resolve("fwd@example.test"))
          .isEqualTo(deliver(List.of("carol@other.test"), List.of("someone@elsewhere.test")));
    }

    @Test
    void nestedAliasesExpandRecursively() {
      book.alias("all@example.test", "team@example.test", "carol@other.test")
          .alias("team@example.test", "devs@example.test", "bob@example.test")
          .alias("devs@example.test", "alice@example.test", "dev@remote.test");

      assertThat(resolve("all@example.test"))
          .isEqualTo(
              deliver(
                  List.of("alice@example.test", "bob@example.test", "carol@other.test"),
                  List.of("dev@remote.test")));
    }

    @Test
    void aMailboxNamedTwiceThroughDifferentAliasesGetsOneCopy() {
      book.alias("all@example.test", "team@example.test", "devs@example.test", "alice@example.test")
          .alias("team@example.test", "alice@example.test", "x@remote.test")
          .alias("devs@example.test", "ALICE@example.test", "bob@example.test", "x@remote.test");

      Resolution resolution = resolve("all@example.test");

      assertThat(resolution.mailboxes()).containsExactly("alice@example.test", "bob@example.test");
      assertThat(resolution.remote()).containsExactly("x@remote.test");
      assertThat(resolution.problems()).isEmpty();
    }

    @Test
    void anAccountWinsOverAnAliasOfTheSameAddress() {
      book.alias("alice@example.test", "bob@example.test");

      assertThat(resolve("alice@example.test").mailboxes()).containsExactly("alice@example.test");
    }

    @Test
    void aLoopAddsNothingAndIsReported() {
      book.alias("a@example.test", "b@example.test", "alice@example.test")
          .alias("b@example.test", "a@example.test");

      Resolution resolution = resolve("a@example.test");

      assertThat(resolution.outcome()).isEqualTo(Outcome.DELIVER);
      assertThat(resolution.mailboxes()).containsExactly("alice@example.test");
      assertThat(resolution.problems())
          .containsExactly("alias loop: a@example.test -> b@example.test -> a@example.test");
    }

    @Test
    void anAliasThatOnlyLoopsIsADeadEnd() {
      book.alias("a@example.test", "b@example.test").alias("b@example.test", "a@example.test");
      book.alias("self@example.test", "self@example.test");

      assertThat(resolve("a@example.test").outcome()).isEqualTo(Outcome.DEAD_END);
      assertThat(resolve("self@example.test").outcome()).isEqualTo(Outcome.DEAD_END);
    }

    @Test
    void nestingDeeperThanTheLimitIsCutOff() {
      rules = rules.withLimits(3, 1000);
      book.alias("l0@example.test", "l1@example.test")
          .alias("l1@example.test", "l2@example.test")
          .alias("l2@example.test", "l3@example.test")
          .alias("l3@example.test", "alice@example.test")
          .alias("short@example.test", "l2@example.test");

      Resolution tooDeep = resolve("l0@example.test");
      assertThat(tooDeep.outcome()).isEqualTo(Outcome.DEAD_END);
      assertThat(tooDeep.problems())
          .containsExactly("aliases nested deeper than 3 at alice@example.test");
      assertThat(resolve("short@example.test").mailboxes()).containsExactly("alice@example.test");
    }

    @Test
    void aWideAliasGraphIsExpandedOnceAndBoundedInWork() {
      // Ten levels of ten aliases, each naming all ten of the next level: 10^10 paths.
      for (int level = 0; level < 10; level++) {
        List<String> next = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
          next.add("l" + (level + 1) + "-" + i + "@example.test");
        }
        for (int i = 0; i < 10; i++) {
          book.alias("l" + level + "-" + i + "@example.test", next.toArray(String[]::new));
        }
      }
      for (int i = 0; i < 10; i++) {
        book.account("l10-" + i + "@example.test");
      }

      Resolution resolution = resolve("l0-0@example.test");

      assertThat(resolution.mailboxes()).hasSize(10);
      assertThat(resolution.problems()).isEmpty();
      assertThat(book.lookups).isLessThan(2_000);
    }

    @Test
    void theLookupLimitStopsAHugeExpansion() {
      rules = rules.withLimits(20, 5);
      book.alias(
          "many@example.test",
          "alice@example.test",
          "bob@example.test",
          "carol@other.test",
          "x1@example.test",
          "x2@example.test",
          "x3@example.test");

      Resolution resolution = resolve("many@example.test");

      assertThat(resolution.mailboxes())
          .containsExactly("alice@example.test", "bob@example.test", "carol@other.test");
      assertThat(resolution.problems())
          .containsExactly(
              "no such local address: x1@example.test",
              "alias expansion visits more than 5 addresses");
    }

    @Test
    void aTargetThatLeadsNowhereIsSkippedAndReported() {
      book.alias("team@example.test", "gone@example.test", "bob@example.test", "not-an-address");
      book.alias("stale@example.test", "gone@example.test");

      Resolution resolution = resolve("team@example.test");
      assertThat(resolution.mailboxes()).containsExactly("bob@example.test");
      assertThat(resolution.problems())
          .containsExactly(
              "no such local address: gone@example.test", "not an address: not-an-address");
      assertThat(resolve("stale@example.test").outcome()).isEqualTo(Outcome.DEAD_END);
    }
  }

  @Nested
  class Subaddresses {

    @Test
    void aSubaddressReachesItsBaseAccount() {
      assertThat(resolve("alice+lists@example.test").mailboxes())
          .containsExactly("alice@example.test");
      assertThat(resolve("alice+@example.test").mailboxes()).containsExactly("alice@example.test");
      assertThat(resolve("alice+a+b@example.test").mailboxes())
          .containsExactly("alice@example.test");
    }

    @Test
    void aSubaddressReachesItsBaseAlias() {
      book.alias("team@example.test", "bob@example.test");

      assertThat(resolve("team+x@example.test").mailboxes()).containsExactly("bob@example.test");
    }

    @Test
    void anExactAccountOrAliasWinsOverTheBase() {
      book.account("alice+work@example.test").alias("alice+home@example.test", "bob@example.test");

      assertThat(resolve("alice+work@example.test").mailboxes())
          .containsExactly("alice+work@example.test");
      assertThat(resolve("alice+home@example.test").mailboxes())
          .containsExactly("bob@example.test");
    }

    @Test
    void anEmptyDelimiterDisablesSubaddressing() {
      rules = rules.withDelimiters("");

      assertThat(resolve("alice+lists@example.test").outcome()).isEqualTo(Outcome.UNKNOWN);
    }

    @Test
    void everyDelimiterCharacterCounts() {
      rules = rules.withDelimiters("+-");

      assertThat(resolve("alice-lists@example.test").mailboxes())
          .containsExactly("alice@example.test");
      assertThat(resolve("bob+x-y@example.test").mailboxes()).containsExactly("bob@example.test");
    }

    @Test
    void aLocalPartThatStartsWithTheDelimiterHasNoBase() {
      assertThat(resolve("+alice@example.test").outcome()).isEqualTo(Outcome.UNKNOWN);
    }

    @Test
    void anUnknownBaseIsUnknown() {
      assertThat(resolve("nobody+x@example.test").outcome()).isEqualTo(Outcome.UNKNOWN);
    }
  }

  @Nested
  class CatchAll {

    @Test
    void unknownLocalPartsGoToTheCatchAll() {
      book.catchAll("example.test", "alice@example.test");

      assertThat(resolve("whoever@example.test").mailboxes()).containsExactly("alice@example.test");
      assertThat(resolve("bob@example.test").mailboxes()).containsExactly("bob@example.test");
      assertThat(resolve("carol@other.test").mailboxes()).containsExactly("carol@other.test");
      assertThat(resolve("dave@other.test").outcome()).isEqualTo(Outcome.UNKNOWN);
    }

    @Test
    void aSubaddressOfAKnownBaseGoesToTheBaseNotTheCatchAll() {
      book.catchAll("example.test", "alice@example.test");

      assertThat(resolve("bob+x@example.test").mailboxes()).containsExactly("bob@example.test");
      assertThat(resolve("nobody+x@example.test").mailboxes())
          .containsExactly("alice@example.test");
    }

    @Test
    void theCatchAllMayBeAnAliasOrRemote() {
      book.catchAll("example.test", "team@example.test")
          .alias("team@example.test", "bob@example.test", "ops@remote.test")
          .catchAll("other.test", "admin@remote.test");

      assertThat(resolve("x@example.test"))
          .isEqualTo(deliver(List.of("bob@example.test"), List.of("ops@remote.test")));
      assertThat(resolve("x@other.test"))
          .isEqualTo(deliver(List.of(), List.of("admin@remote.test")));
    }

    @Test
    void aCatchAllToAnUnknownAddressOfItsOwnDomainIsADeadEnd() {
      book.catchAll("example.test", "admin@example.test");

      Resolution resolution = resolve("x@example.test");

      assertThat(resolution.outcome()).isEqualTo(Outcome.DEAD_END);
      assertThat(resolution.problems()).hasSize(1).first().asString().startsWith("alias loop");
    }
  }

  @Nested
  class Postmaster {

    @Test
    void withoutAnythingConfiguredPostmasterIsTheDomainsOwnMaildrop() {
      assertThat(resolve("postmaster@example.test"))
          .isEqualTo(deliver(List.of("postmaster@example.test"), List.of()));
      assertThat(resolve("PostMaster@Other.test").mailboxes())
          .containsExactly("postmaster@other.test");
    }

    @Test
    void theBarePostmasterIsThePrimaryDomainsPostmaster() {
      assertThat(resolve("postmaster").mailboxes()).containsExactly("postmaster@example.test");
      assertThat(resolve("POSTMASTER").mailboxes()).containsExactly("postmaster@example.test");
    }

    @Test
    void anAccountOrAnAliasOfTheDomainComesFirst() {
      book.account("postmaster@example.test").alias("postmaster@other.test", "carol@other.test");
      rules = rules.withPostmaster("bob@example.test");

      assertThat(resolve("postmaster@example.test").mailboxes())
          .containsExactly("postmaster@example.test");
      assertThat(resolve("postmaster@other.test").mailboxes()).containsExactly("carol@other.test");
      assertThat(resolve("postmaster").mailboxes()).containsExactly("postmaster@example.test");
    }

    @Test
    void theConfiguredPostmasterComesNext() {
      rules = rules.withPostmaster("Bob@example.test");
      book.catchAll("other.test", "carol@other.test");

      assertThat(resolve("postmaster@other.test").mailboxes()).containsExactly("bob@example.test");
      assertThat(resolve("postmaster").mailboxes()).containsExactly("bob@example.test");
    }

    @Test
    void thenTheCatchAll() {
      book.catchAll("other.test", "carol@other.test");

      assertThat(resolve("postmaster@other.test").mailboxes()).containsExactly("carol@other.test");
    }

    @Test
    void aConfiguredPostmasterThatLeadsNowhereFallsBackToTheMaildrop() {
      rules = rules.withPostmaster("gone@example.test");

      Resolution resolution = resolve("postmaster@example.test");

      assertThat(resolution.mailboxes()).containsExactly("postmaster@example.test");
      assertThat(resolution.problems()).containsExactly("no such local address: gone@example.test");
    }

    @Test
    void theConfiguredPostmasterMayBeRemote() {
      rules = rules.withPostmaster("ops@remote.test");

      assertThat(resolve("postmaster@example.test"))
          .isEqualTo(deliver(List.of(), List.of("ops@remote.test")));
    }

    @Test
    void aPostmasterSubaddressIsPostmaster() {
      assertThat(resolve("postmaster+abuse@example.test").mailboxes())
          .containsExactly("postmaster@example.test");
    }

    @Test
    void theBarePostmasterWithoutLocalDomainsNeedsTheConfiguredOne() {
      InMemoryAddressBook empty = new InMemoryAddressBook();

      assertThat(new RecipientResolver(empty, rules).resolve("postmaster").outcome())
          .isEqualTo(Outcome.NO_POSTMASTER);
      assertThat(
              new RecipientResolver(empty, rules.withPostmaster("ops@remote.test"))
                  .resolve("postmaster")
                  .outcome())
          .isEqualTo(Outcome.NOT_LOCAL);
    }
  }

  @Nested
  class SenderOwnership {

    private boolean reaches(String address, String mailbox) {
      return new RecipientResolver(book, rules).reaches(address, mailbox);
    }

    @Test
    void ownAddressesSubaddressesAndAliasesThatExpandToTheUser() {
      book.alias("team@example.test", "bob@example.test", "devs@example.test")
          .alias("devs@example.test", "alice@example.test");

      assertThat(reaches("Alice@Example.test", "alice@example.test")).isTrue();
      assertThat(reaches("alice+x@example.test", "ALICE@example.test")).isTrue();
      assertThat(reaches("team@example.test", "alice@example.test")).isTrue();
      assertThat(reaches("team@example.test", "bob@example.test")).isTrue();
      assertThat(reaches("devs@example.test", "bob@example.test")).isFalse();
      assertThat(reaches("bob@example.test", "alice@example.test")).isFalse();
      assertThat(reaches("alice@elsewhere.test", "alice@example.test")).isFalse();
      assertThat(reaches("", "alice@example.test")).isFalse();
    }

    @Test
    void theCatchAllDoesNotMakeUnknownAddressesOwn() {
      book.catchAll("example.test", "alice@example.test");

      assertThat(reaches("whoever@example.test", "alice@example.test")).isFalse();
    }
  }
}
