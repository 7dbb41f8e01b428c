package dev.argus.api;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The package rules of the api. Every package directly under {@code dev.argus.api} except {@code
 * system} is a feature ({@code alerts}, {@code energy}, {@code power}, ...) or cross-cutting
 * ({@code security}); they are selected by package, so a feature added later is covered without
 * touching this test.
 */
class ArchitectureTest {

  private static final String API = "dev.argus.api";
  private static final String SYSTEM = "dev.argus.api.system..";

  private static final JavaClasses API_CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages(API);

  @Test
  void featurePackagesMeetOnlyThroughSystem() {
    slices()
        .matching("dev.argus.api.(*)..")
        .should()
        .notDependOnEachOther()
        .ignoreDependency(alwaysTrue(), resideInAPackage(SYSTEM))
        .because(
            "a feature must stay movable and readable on its own: when two features need the same"
                + " piece, move it to a sub-package of dev.argus.api.system (as paging, outbox,"
                + " runtimeconfig and secrets are), or let system declare an interface that the"
                + " feature implements (as SecretStore); system itself depends on no feature")
        .check(API_CLASSES);
  }

  @Test
  void theApplicationPackageDependsOnSystemAlone() {
    classes()
        .that()
        .resideInAPackage(API)
        .should()
        .onlyDependOnClassesThat(
            resideInAnyPackage(API, SYSTEM).or(resideOutsideOfPackage(API + "..")))
        .because(
            "the application class only starts Spring, which finds the features itself; a check"
                + " it runs before Spring starts belongs in dev.argus.api.system (as"
                + " BootstrapApiKey)")
        .check(API_CLASSES);
  }
}
