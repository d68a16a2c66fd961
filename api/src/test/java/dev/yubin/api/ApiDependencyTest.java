package dev.yubin.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The plugin API stays small: it depends on the JDK and Jakarta Mail only. */
@AnalyzeClasses(packages = "dev.yubin.api", importOptions = ImportOption.DoNotIncludeTests.class)
class ApiDependencyTest {

  @ArchTest
  static final ArchRule api_depends_on_the_jdk_and_jakarta_mail_only =
      classes()
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("dev.yubin.api..", "java..", "jakarta.mail..");
}
