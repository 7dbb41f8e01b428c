package dev.argus.camera;

import static dev.argus.contract.testing.ArgusArchRules.CAMERA;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.argus.contract.testing.ArgusArchRules;
import org.junit.jupiter.api.Test;

/** The module's share of {@link ArgusArchRules}: the JDK and the contract's net/settings only. */
class ArchitectureTest {

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages(CAMERA);

  @Test
  void camerasAreReadWithTheJdkAlone() {
    ArgusArchRules.CAMERA_DEPENDS_ON_THE_JDK_ALONE.check(CLASSES);
  }
}
