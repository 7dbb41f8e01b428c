package dev.argus.contract;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.argus.contract.testing.ArgusArchRules;
import org.junit.jupiter.api.Test;

/** The contract's share of {@link ArgusArchRules}. */
class ArchitectureTest {

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.argus.contract");

  @Test
  void theHelpersTheStandaloneClientsUseDependOnTheJdkAlone() {
    ArgusArchRules.SHARED_CLIENT_HELPERS_DEPEND_ON_THE_JDK_ALONE.check(CLASSES);
  }
}
