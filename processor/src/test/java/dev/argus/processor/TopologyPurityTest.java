package dev.argus.processor;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.syntax.elements.GivenClassesConjunction;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/**
 * The topologies and their rules stay pure functions of their input, as the style guide asks: no
 * Spring, no JDBC, no Streams runtime or Properties, no sink, and no clock of their own (time comes
 * from record timestamps and the processor context). Classes are chosen by package, so a new class
 * in a topology package is checked without being named here: every processor package is a topology
 * package except the root (the Spring Boot main class), {@code streams} (the Spring side of the
 * Streams application), {@code sink} and {@code system}. Checked on the compiled classes.
 */
class TopologyPurityTest {

  private static final String PROCESSOR = "dev.argus.processor";

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages(PROCESSOR);

  private static final DescribedPredicate<JavaClass> TOPOLOGY_PACKAGES =
      resideInAPackage(PROCESSOR + "..")
          .and(
              resideOutsideOfPackages(
                  PROCESSOR,
                  PROCESSOR + ".streams..",
                  PROCESSOR + ".sink..",
                  PROCESSOR + ".system.."))
          .as("reside in a topology package");

  private static GivenClassesConjunction topologyClasses() {
    return noClasses().that(TOPOLOGY_PACKAGES);
  }

  @Test
  void theTopologyPackagesHoldEveryTopology() {
    assertThat(CLASSES.that(TOPOLOGY_PACKAGES))
        .extracting(JavaClass::getSimpleName)
        .contains(
            "ProcessorTopology", "PowerEventsTopology", "EnergyTopology", "TargetAlertsTopology");
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
        .check(CLASSES);
  }

  @Test
  void topologyDependsOnNoSinkAndNoStreamsRuntimeSettings() {
    topologyClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(PROCESSOR + ".sink..", PROCESSOR + ".streams..")
        .check(CLASSES);
  }

  @Test
  void topologyReadsNoClockOfItsOwn() {
    topologyClasses()
        .should()
        .callMethod(Instant.class, "now")
        .orShould()
        .callMethod(System.class, "currentTimeMillis")
        .orShould()
        .callMethod(System.class, "nanoTime")
        .orShould()
        .callMethod(LocalDate.class, "now")
        .orShould()
        .callMethod(LocalDateTime.class, "now")
        .orShould()
        .callMethod(OffsetDateTime.class, "now")
        .orShould()
        .callMethod(ZonedDateTime.class, "now")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.time.Clock")
        .check(CLASSES);
  }

  @Test
  void sinkDependsOnNoTopology() {
    noClasses()
        .that()
        .resideInAPackage(PROCESSOR + ".sink..")
        .should()
        .dependOnClassesThat(TOPOLOGY_PACKAGES)
        .check(CLASSES);
  }
}
