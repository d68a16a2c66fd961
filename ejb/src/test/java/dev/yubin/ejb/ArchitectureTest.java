package dev.yubin.ejb;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The module's layers and bounded contexts (ADR 10): each context ({@link #CONTEXTS}) has a domain,
 * an application layer and infrastructure; the kernel holds the values they share; adapters in
 * {@code interfaces} translate protocol types.
 */
@AnalyzeClasses(packages = "dev.yubin.ejb", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  static final List<String> CONTEXTS =
      List.of("accounts", "submission", "mailbox", "relay", "reports");

  /**
   * The one protocol class that domain and application code may use: a pure value shared by design
   * (the login throttle and the account store must spell an address alike), until a kernel jar
   * holds it (ADR 10).
   */
  static final String SHARED_WITH_PROTOCOL = "dev.yubin.protocol.CanonicalAddress";

  /**
   * Infrastructure that application services still use directly, each a port still to extract (with
   * its nested classes). All of it is the relay's: its service drives the SMTP client, DNS
   * resolution itself. This list only shrinks: a new entry needs a reason in review.
   */
  static final List<String> INFRASTRUCTURE_NOT_YET_BEHIND_A_PORT =
      List.of(
          "dev.yubin.ejb.relay.infrastructure.smtp.ClientSettings",
          "dev.yubin.ejb.relay.infrastructure.smtp.ConnectionCache",
          "dev.yubin.ejb.relay.infrastructure.smtp.DeliveryReport",
          "dev.yubin.ejb.relay.infrastructure.smtp.DeliveryStatus",
          "dev.yubin.ejb.relay.infrastructure.smtp.OutboundMessage",
          "dev.yubin.ejb.relay.infrastructure.smtp.Recipient",
          "dev.yubin.ejb.relay.infrastructure.smtp.RecipientResult",
          "dev.yubin.ejb.relay.infrastructure.smtp.SmtpClient",
          "dev.yubin.ejb.relay.infrastructure.smtp.TlsPolicy",
          "dev.yubin.ejb.relay.infrastructure.smtp.TrustAnchors",
          "dev.yubin.ejb.platform.infrastructure.dns.DnsSettings",
          "dev.yubin.ejb.platform.infrastructure.dns.DnsjavaMailExchangerResolver",
          "dev.yubin.ejb.platform.infrastructure.dns.HostAndPort",
          "dev.yubin.ejb.platform.infrastructure.dns.LocalIdentity",
          "dev.yubin.ejb.platform.infrastructure.dns.MailExchanger",
          "dev.yubin.ejb.platform.infrastructure.dns.MailExchangerResolver",
          "dev.yubin.ejb.platform.infrastructure.dns.MxResolution");

  private static String context(String name) {
    return "dev.yubin.ejb." + name;
  }

  @ArchTest
  static void aDomainDependsOnItsOwnContextTheKernelAndTheJdkOnly(JavaClasses classes) {
    List<ArchRule> rules = new ArrayList<>();
    for (String name : CONTEXTS) {
      rules.add(
          classes()
              .that()
              .resideInAPackage(context(name) + ".domain..")
              .should()
              .onlyDependOnClassesThat()
              .resideInAnyPackage(
                  context(name) + ".domain..",
                  "dev.yubin.ejb.kernel..",
                  "dev.yubin.api..", // the plugin SPI's view of a message
                  "java..",
                  "javax.crypto..", // password hashing
                  "jakarta.persistence..", // mapping annotations on entities
                  "org.apache.james.mime4j..", // header decoding in the mailbox store's MIME
                  "com.ibm.icu..")
              .because("a context's model knows nothing outside it but the shared kernel"));
    }
    checkAll(rules, classes);
  }

  @ArchTest
  static void theKernelIsPureValues(JavaClasses classes) {
    classes()
        .that()
        .resideInAPackage("dev.yubin.ejb.kernel..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("dev.yubin.ejb.kernel..", "java..", "com.ibm.icu..") // IDNA
        .check(classes);
  }

  @ArchTest
  static void noProtocolTypesInDomainOrApplicationCode(JavaClasses classes) {
    noClasses()
        .that()
        .resideInAnyPackage("dev.yubin.ejb..domain..", "dev.yubin.ejb..application..")
        .or()
        .resideInAPackage("dev.yubin.ejb.kernel..")
        .should()
        .dependOnClassesThat(
            resideInAPackage("dev.yubin.protocol..")
                .and(not(nameMatching(SHARED_WITH_PROTOCOL.replace(".", "\\.")))))
        .because("adapters in dev.yubin.ejb.interfaces translate protocol types (ADR 10)")
        .check(classes);
  }

  @ArchTest
  static void anApplicationLayerUsesDomainsAndPortsOnly(JavaClasses classes) {
    noClasses()
        .that()
        .resideInAPackage("dev.yubin.ejb..application..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.yubin.ejb.interfaces..", "jakarta.persistence..")
        .check(classes);
    List<ArchRule> rules = new ArrayList<>();
    for (String name : CONTEXTS) {
      rules.add(
          noClasses()
              .that()
              .resideInAPackage(context(name) + ".application..")
              .should()
              .dependOnClassesThat(
                  resideInAPackage("dev.yubin.ejb..infrastructure..")
                      .and(not(among(INFRASTRUCTURE_NOT_YET_BEHIND_A_PORT))))
              .because("an application service reaches infrastructure through a port it declares"));
    }
    checkAll(rules, classes);
  }

  @ArchTest
  static void contextsTalkThroughApplicationServicesOnly(JavaClasses classes) {
    List<ArchRule> rules = new ArrayList<>();
    for (String name : CONTEXTS) {
      for (String other : CONTEXTS) {
        if (other.equals(name)) {
          continue;
        }
        rules.add(
            noClasses()
                .that()
                .resideInAPackage(context(name) + "..")
                .should()
                .dependOnClassesThat(
                    resideInAPackage(context(other) + ".infrastructure..")
                        .or(resideInAPackage(context(other) + ".domain..").and(not(aValue()))))
                .because(
                    "another context is reached through its application services, which may"
                        + " hand over its domain's values (records, enums) but not its entities"
                        + " or services"));
      }
    }
    checkAll(rules, classes);
  }

  /** Records and enums: values a context's services hand to another, never its entities. */
  private static DescribedPredicate<JavaClass> aValue() {
    return DescribedPredicate.describe(
        "a record or an enum",
        c ->
            c.isEnum()
                || (c.getRawSuperclass().isPresent()
                    && c.getRawSuperclass().get().isEquivalentTo(Record.class))
                || c.getEnclosingClass().map(e -> e.isEnum()).orElse(false));
  }

  /** Evaluates every rule, so that one failure lists the violations of all of them. */
  private static void checkAll(List<ArchRule> rules, JavaClasses classes) {
    List<String> violations = new ArrayList<>();
    for (ArchRule rule : rules) {
      EvaluationResult result = rule.allowEmptyShould(true).evaluate(classes);
      if (result.hasViolation()) {
        violations.add(result.getFailureReport().toString());
      }
    }
    if (!violations.isEmpty()) {
      throw new AssertionError(String.join("\n", violations));
    }
  }

  private static DescribedPredicate<JavaClass> among(List<String> names) {
    return DescribedPredicate.describe(
        "listed as not yet behind a port",
        c -> names.contains(c.getName().replaceFirst("\\$.*", "")));
  }
}
