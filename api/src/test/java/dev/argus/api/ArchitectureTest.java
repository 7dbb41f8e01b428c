package dev.argus.api;

import static dev.argus.contract.testing.ArgusArchRules.API;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.argus.contract.testing.ArgusArchRules;
import org.junit.jupiter.api.Test;

/**
 * The api's share of {@link ArgusArchRules}: feature packages meet only through {@code system}, and
 * the application class depends on {@code system} alone.
 */
class ArchitectureTest {

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages(API);

  @Test
  void featurePackagesMeetOnlyThroughSystem() {
    ArgusArchRules.API_FEATURES_MEET_ONLY_THROUGH_SYSTEM.check(CLASSES);
  }

  @Test
  void theApplicationPackageDependsOnSystemAlone() {
    ArgusArchRules.API_APPLICATION_PACKAGE_DEPENDS_ON_SYSTEM_ALONE.check(CLASSES);
  }
}
