package io.stocksync;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layout rules of docs/STYLE.md that a machine can check. */
@AnalyzeClasses(packages = "io.stocksync", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule packagesAreDomainsNotTechnicalLayers = noClasses()
      .should().resideInAnyPackage("..dao..", "..util..", "..utils..", "..beans..", "..helpers..", "..entities..")
      .because("we package by domain context, not by technical layer");

  @ArchTest
  static final ArchRule messagesAreJsonNotSerializedObjects = noClasses()
      .should().dependOnClassesThat().haveFullyQualifiedName("jakarta.jms.ObjectMessage")
      .because("messages are JSON with a schema version");

  @ArchTest
  static final ArchRule noStackTracesToStderr = noClasses()
      .should().callMethod(Throwable.class, "printStackTrace")
      .because("failures are logged or rethrown, never printed");

  @ArchTest
  static final ArchRule platformDoesNotReachIntoDomainContexts = noClasses()
      .that().resideInAPackage("io.stocksync.platform..")
      .should().dependOnClassesThat().resideInAnyPackage("io.stocksync.inbox..")
      .because("every context stands on the platform, never the other way round");
}
