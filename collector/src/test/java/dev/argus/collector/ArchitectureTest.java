package dev.argus.collector;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The architecture rules of the collector that a change could break without noticing. */
class ArchitectureTest {

  private static final JavaClasses COLLECTOR =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.argus.collector");

  @Test
  void theCollectorNeverTouchesTheDatabase() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "java.sql..", "javax.sql..", "org.flywaydb..", "dev.argus.contract.schema..")
        .because("the processor is the only writer of telemetry and the api of configuration")
        .check(COLLECTOR);
  }

  @Test
  void theNutProtocolClientDependsOnTheJdkAlone() {
    noClasses()
        .that()
        .resideInAPackage("dev.argus.collector.nut..")
        .should()
        .dependOnClassesThat()
        .resideOutsideOfPackages(
            "java..",
            "dev.argus.collector.nut..",
            "dev.argus.contract.net..",
            "dev.argus.contract.settings..")
        .because(
            "the protocol client is tested on its own and knows nothing of Spring, Kafka or the"
                + " wire contract; it judges the host with the shared address guard before it"
                + " connects")
        .check(COLLECTOR);
  }

  @Test
  void theSnmpClientDependsOnTheJdkAndSnmp4jAlone() {
    noClasses()
        .that()
        .resideInAPackage("dev.argus.collector.snmp..")
        .should()
        .dependOnClassesThat()
        .resideOutsideOfPackages(
            "java..", "org.snmp4j..", "dev.argus.collector.snmp..", "dev.argus.contract.net..")
        .because(
            "the SNMP client is tested on its own and knows nothing of Spring, Kafka or the wire"
                + " contract; it judges the host with the shared address guard before it sends")
        .check(COLLECTOR);
  }

  @Test
  void theAddressGuardThatTheClientsUseDependsOnTheJdkAlone() {
    noClasses()
        .that()
        .resideInAPackage("dev.argus.contract.net..")
        .should()
        .dependOnClassesThat()
        .resideOutsideOfPackages("java..", "dev.argus.contract.net..")
        .because("the NUT and SNMP clients may use it and must stay free of Kafka and Jackson")
        .check(
            new ClassFileImporter()
                // The contract's tests come in a test jar, which DO_NOT_INCLUDE_TESTS does not
                // know.
                .withImportOption(location -> !location.matches(Pattern.compile(".*Test\\.class")))
                .importPackages("dev.argus.contract.net"));
  }

  @Test
  void pollingProbingAndDeviceSettingsDoNotDependOnKafka() {
    noClasses()
        .that()
        .resideInAnyPackage(
            // The device settings, the pollers, NUT discovery and the poll cycle, which publishes
            // through TopicPublisher and never through a Kafka client itself.
            "dev.argus.collector.power..",
            "dev.argus.collector.nut..",
            "dev.argus.collector.snmp..",
            "dev.argus.collector.probe..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.apache.kafka..")
        .check(COLLECTOR);
  }
}
