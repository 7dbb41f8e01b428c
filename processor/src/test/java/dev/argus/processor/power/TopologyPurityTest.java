package dev.argus.processor.power;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.syntax.elements.GivenClassesConjunction;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The topology and its rules stay pure functions of their input, as the style guide asks: no
 * Spring, no JDBC, no Streams runtime or Properties, and no clock of their own (time comes from
 * record timestamps and the processor context). Checked on the compiled classes.
 */
class TopologyPurityTest {

  private static final JavaClasses PROCESSOR =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.argus.processor");

  private static GivenClassesConjunction topologyClasses() {
    return noClasses()
        .that()
        .haveNameMatching(
            "dev\\.argus\\.processor\\.(ProcessorTopology"
                + "|power\\.(PowerEventsTopology|PowerEventRules|DeviceStateProcessor|DeviceState"
                + "|RuleOutcome|PowerEventSettings|RuntimeThresholds)"
                + "|energy\\.(EnergyTopology|EnergyIntegrator|EnergyProcessor|EnergyState"
                + "|Integration|EnergySettings)"
                + "|targets\\.(TargetAlertsTopology|TargetAlertRules|TargetStateProcessor"
                + "|TargetState|TargetOutcome|TargetAlertSettings))(\\$.*)?");
  }

  @Test
  void topologyDependsOnNoSpringJdbcOrStreamsRuntime() {
    topologyClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("org.apache.kafka.streams.KafkaStreams")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.util.Properties")
        .check(PROCESSOR);
  }

  @Test
  void topologyReadsNoClockOfItsOwn() {
    topologyClasses()
        .should()
        .callMethod(Instant.class, "now")
        .orShould()
        .callMethod(System.class, "currentTimeMillis")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.time.Clock")
        .check(PROCESSOR);
  }
}
