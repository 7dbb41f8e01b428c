package dev.argus.llm;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The module's own rules: the measuring path is the JDK's HTTP client alone, and the clients know
 * nothing of the simulated providers they are tested against.
 */
class ArchitectureTest {

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.argus.llm");

  @Test
  void noFrameworkKafkaOrLlmSdkIsUsed() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework..",
            "org.apache.kafka..",
            "java.sql..",
            "dev.langchain4j..",
            "com.openai..",
            "com.anthropic..",
            "com.google.genai..")
        .because(
            "probes are timed from byte arrival with java.net.http; frameworks and vendor SDKs"
                + " time after parsing and retry (LLM-MONITORING.md): map results to readings in"
                + " the collector instead")
        .check(CLASSES);
  }

  @Test
  void clientsDoNotDependOnTheSimulator() {
    noClasses()
        .that()
        .resideInAPackage("dev.argus.llm.client..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.argus.llm.simulator..")
        .because("the simulator is a test double of remote providers; the client must not know it")
        .check(CLASSES);
  }
}
