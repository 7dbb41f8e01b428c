package dev.argus.processor;

import static dev.argus.contract.testing.ArgusArchRules.PROCESSOR;
import static dev.argus.contract.testing.ArgusArchRules.PROCESSOR_TOPOLOGY_CODE;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.argus.contract.testing.ArgusArchRules;
import org.junit.jupiter.api.Test;

/**
 * The processor's share of {@link ArgusArchRules}: the topologies stay pure functions of their
 * input, as the style guide asks, and the sink knows them only through the contract.
 */
class ArchitectureTest {

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages(PROCESSOR);

  @Test
  void theTopologyPackagesHoldEveryTopology() {
    // Without this, a rename of the packages could leave the rules below checking nothing.
    assertThat(CLASSES.that(PROCESSOR_TOPOLOGY_CODE))
        .extracting(JavaClass::getSimpleName)
        .contains(
            "ProcessorTopology",
            "PowerEventsTopology",
            "EnergyTopology",
            "TargetAlertsTopology",
            "LlmTopology",
            "CameraTopology");
  }

  @Test
  void topologiesUseNoSpringJdbcOrStreamsRuntime() {
    ArgusArchRules.TOPOLOGIES_USE_NO_SPRING_JDBC_OR_STREAMS_RUNTIME.check(CLASSES);
  }

  @Test
  void topologiesUseNoSinkOrStreamsWiring() {
    ArgusArchRules.TOPOLOGIES_USE_NO_SINK_OR_STREAMS_WIRING.check(CLASSES);
  }

  @Test
  void topologiesReadNoClockOfTheirOwn() {
    ArgusArchRules.TOPOLOGIES_READ_NO_CLOCK.check(CLASSES);
  }

  @Test
  void theSinkUsesNoTopology() {
    ArgusArchRules.SINK_USES_NO_TOPOLOGY.check(CLASSES);
  }
}
