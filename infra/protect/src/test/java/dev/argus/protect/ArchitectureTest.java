package dev.argus.protect;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.argus.contract.testing.ArgusArchRules;
import org.junit.jupiter.api.Test;

/**
 * The module's rule, in the manner of {@link ArgusArchRules} (which has none for it yet): the JDK
 * (its HTTP client and websocket), Jackson for the frames' JSON, SLF4J, and the contract's net
 * package (OutboundAddressGuard) only. No Spring, no Kafka, no wire records: mapping detections to
 * readings is the collector's.
 */
class ArchitectureTest {

  static final String PROTECT = "dev.argus.protect";

  static final ArchRule PROTECT_DEPENDS_ON_THE_JDK_AND_JACKSON_ALONE =
      noClasses()
          .that()
          .resideInAPackage(PROTECT + "..")
          .should()
          .dependOnClassesThat()
          .resideOutsideOfPackages(
              "java..",
              "javax.net..",
              PROTECT + "..",
              "tools.jackson..",
              "org.slf4j..",
              "dev.argus.contract.net..")
          .because(
              "the controller is spoken to with the JDK's HTTP client and websocket, and the client"
                  + " knows nothing of Spring, Kafka or the wire contract: map detections to"
                  + " readings in the collector");

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages(PROTECT);

  @Test
  void controllersAreSpokenToWithTheJdkAlone() {
    PROTECT_DEPENDS_ON_THE_JDK_AND_JACKSON_ALONE.check(CLASSES);
  }
}
