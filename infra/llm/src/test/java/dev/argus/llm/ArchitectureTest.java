package dev.argus.llm;

import static dev.argus.contract.testing.ArgusArchRules.LLM;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.argus.contract.testing.ArgusArchRules;
import org.junit.jupiter.api.Test;

/**
 * The module's share of {@link ArgusArchRules}: the measuring path is the JDK's HTTP client alone,
 * and the clients know nothing of the simulated providers they are tested against.
 */
class ArchitectureTest {

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages(LLM);

  @Test
  void noFrameworkKafkaOrLlmSdkIsUsed() {
    ArgusArchRules.LLM_MEASURES_WITH_THE_JDK_CLIENT_ALONE.check(CLASSES);
  }

  @Test
  void clientsDoNotDependOnTheSimulator() {
    ArgusArchRules.LLM_CLIENTS_DO_NOT_KNOW_THE_SIMULATOR.check(CLASSES);
  }
}
