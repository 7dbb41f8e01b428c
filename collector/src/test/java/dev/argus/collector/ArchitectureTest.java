package dev.argus.collector;

import static dev.argus.contract.testing.ArgusArchRules.COLLECTOR;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.argus.contract.testing.ArgusArchRules;
import org.junit.jupiter.api.Test;

/**
 * The collector's share of {@link ArgusArchRules}: no database, standalone protocol clients, and
 * polling, probing and camera workers that never touch a Kafka client, motion detection without
 * I/O.
 */
class ArchitectureTest {

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages(COLLECTOR);

  @Test
  void theCollectorNeverTouchesTheDatabase() {
    ArgusArchRules.COLLECTOR_NEVER_TOUCHES_THE_DATABASE.check(CLASSES);
  }

  @Test
  void theNutProtocolClientDependsOnTheJdkAlone() {
    ArgusArchRules.NUT_CLIENT_DEPENDS_ON_THE_JDK_ALONE.check(CLASSES);
  }

  @Test
  void theSnmpClientDependsOnTheJdkAndSnmp4jAlone() {
    ArgusArchRules.SNMP_CLIENT_DEPENDS_ON_THE_JDK_AND_SNMP4J_ALONE.check(CLASSES);
  }

  @Test
  void pollingAndProbingUseNoKafkaClient() {
    ArgusArchRules.POLLING_AND_PROBING_USE_NO_KAFKA_CLIENT.check(CLASSES);
  }

  @Test
  void motionDetectionIsPure() {
    ArgusArchRules.MOTION_DETECTION_IS_PURE.check(CLASSES);
  }
}
