package dev.yubin.protocol;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Engines are free of I/O and of the container: they depend on the JDK's core only. */
@AnalyzeClasses(
    packages = "dev.yubin.protocol",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule engines_do_no_network_or_container_work =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "java.net..",
              "java.nio.channels..",
              "jakarta.resource..",
              "jakarta.persistence..",
              "jakarta.ejb..",
              "io.netty..");
}
