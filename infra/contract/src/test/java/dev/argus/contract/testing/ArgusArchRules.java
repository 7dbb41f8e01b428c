package dev.argus.contract.testing;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

/**
 * The architecture rules of Argus in one place, each selecting classes by package (so a new class
 * is checked without being named here) and each saying, in its {@code because}, how to mend a
 * break. Every module has an {@code ArchitectureTest} that checks the rules about its own code on
 * its compiled main classes; a rule that fails prints the offending dependency and the advice.
 */
public final class ArgusArchRules {

  private ArgusArchRules() {}

  // ---------------------------------------------------------------------------------------------
  // processor

  public static final String PROCESSOR = "dev.argus.processor";

  /**
   * Every processor package is a topology package except the root (the Spring Boot main class),
   * {@code streams} (the Spring side of the Streams application: settings binding, lifecycle,
   * RocksDB bounds), {@code sink} (the database writer) and {@code system} (database and Kafka
   * wiring). So a new domain ({@code llm}, {@code cameras}) is held to the topology rules at once.
   */
  public static final DescribedPredicate<JavaClass> PROCESSOR_TOPOLOGY_CODE =
      resideInAPackage(PROCESSOR + "..")
          .and(
              resideOutsideOfPackages(
                  PROCESSOR,
                  PROCESSOR + ".streams..",
                  PROCESSOR + ".sink..",
                  PROCESSOR + ".system.."))
          .as("reside in a topology package");

  public static final ArchRule TOPOLOGIES_USE_NO_SPRING_JDBC_OR_STREAMS_RUNTIME =
      noClasses()
          .that(PROCESSOR_TOPOLOGY_CODE)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("org.apache.kafka.streams.KafkaStreams")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("java.util.Properties")
          .because(
              "a topology is a pure function of its input, built by a plain builder and tested"
                  + " with TopologyTestDriver through the production builder: bind settings into a"
                  + " record in dev.argus.processor.streams and pass the record in; write to the"
                  + " database in dev.argus.processor.sink");

  public static final ArchRule TOPOLOGIES_USE_NO_SINK_OR_STREAMS_WIRING =
      noClasses()
          .that(PROCESSOR_TOPOLOGY_CODE)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(PROCESSOR + ".sink..", PROCESSOR + ".streams..")
          .because(
              "the wiring depends on the topologies, never the other way round: move what both need"
                  + " into the topology package (or the contract) and let streams/sink use it");

  public static final ArchRule TOPOLOGIES_READ_NO_CLOCK =
      noClasses()
          .that(PROCESSOR_TOPOLOGY_CODE)
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
          .because(
              "time in a topology comes from record timestamps and the processor context (stream"
                  + " time, punctuators), so replays and TopologyTestDriver give the same answer:"
                  + " read context.currentStreamTimeMs() or the record's timestamp instead");

  public static final ArchRule SINK_USES_NO_TOPOLOGY =
      noClasses()
          .that()
          .resideInAPackage(PROCESSOR + ".sink..")
          .should()
          .dependOnClassesThat(PROCESSOR_TOPOLOGY_CODE)
          .because(
              "the sink stores what the topologies publish on their topics and knows them only"
                  + " through the wire contract: use the record types of dev.argus.contract");

  // ---------------------------------------------------------------------------------------------
  // collector

  public static final String COLLECTOR = "dev.argus.collector";

  public static final ArchRule COLLECTOR_NEVER_TOUCHES_THE_DATABASE =
      noClasses()
          .that()
          .resideInAPackage(COLLECTOR + "..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "java.sql..", "javax.sql..", "org.flywaydb..", "dev.argus.contract.schema..")
          .because(
              "the processor is the only writer of telemetry and the api of configuration; a"
                  + " collector learns its configuration from argus.config and publishes readings:"
                  + " send what it needs over a topic instead");

  public static final ArchRule NUT_CLIENT_DEPENDS_ON_THE_JDK_ALONE =
      noClasses()
          .that()
          .resideInAPackage(COLLECTOR + ".nut..")
          .should()
          .dependOnClassesThat()
          .resideOutsideOfPackages(
              "java..",
              COLLECTOR + ".nut..",
              "dev.argus.contract.net..",
              "dev.argus.contract.settings..")
          .because(
              "the protocol client is tested on its own and knows nothing of Spring, Kafka or the"
                  + " wire contract (it judges the host with the shared address guard and checks"
                  + " its settings with the shared checks): map NUT variables to readings in"
                  + " dev.argus.collector.power");

  public static final ArchRule SNMP_CLIENT_DEPENDS_ON_THE_JDK_AND_SNMP4J_ALONE =
      noClasses()
          .that()
          .resideInAPackage(COLLECTOR + ".snmp..")
          .should()
          .dependOnClassesThat()
          .resideOutsideOfPackages(
              "java..", "org.snmp4j..", COLLECTOR + ".snmp..", "dev.argus.contract.net..")
          .because(
              "the SNMP client is tested on its own and knows nothing of Spring, Kafka or the wire"
                  + " contract (it judges the host with the shared address guard): map OIDs to"
                  + " readings in dev.argus.collector.power");

  public static final ArchRule POLLING_AND_PROBING_USE_NO_KAFKA_CLIENT =
      noClasses()
          .that()
          .resideInAnyPackage(
              COLLECTOR + ".power..",
              COLLECTOR + ".nut..",
              COLLECTOR + ".snmp..",
              COLLECTOR + ".probe..",
              COLLECTOR + ".llm..",
              COLLECTOR + ".camera..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.apache.kafka..")
          .because(
              "polling, probing, LLM measuring and camera workers are tested without a broker:"
                  + " publish through dev.argus.collector.kafka.TopicPublisher (or a listener the"
                  + " wiring connects, such as llm.LlmResults or camera.CameraReadings), never"
                  + " through a Kafka client");

  public static final ArchRule MOTION_DETECTION_IS_PURE =
      noClasses()
          .that()
          .resideInAPackage(COLLECTOR + ".camera.motion..")
          .should()
          .dependOnClassesThat()
          .resideOutsideOfPackages(
              "java.lang..",
              "java.util..",
              "java.time..",
              "java.awt..",
              COLLECTOR + ".camera.motion..",
              "dev.argus.contract.camera..")
          .because(
              "motion detection is a function of frames, settings and an injected clock, tested"
                  + " frame by frame: read sources, encode JPEGs and publish in"
                  + " dev.argus.collector.camera");

  // ---------------------------------------------------------------------------------------------
  // api

  public static final String API = "dev.argus.api";

  private static final String API_SYSTEM = API + ".system..";

  /**
   * Every package directly under {@code dev.argus.api} except {@code system} is a feature ({@code
   * alerts}, {@code energy}, {@code power}, ...) or cross-cutting ({@code security}); a feature
   * added later is covered without being named here. {@code system} depends on no feature either.
   */
  public static final ArchRule API_FEATURES_MEET_ONLY_THROUGH_SYSTEM =
      slices()
          .matching(API + ".(*)..")
          .should()
          .notDependOnEachOther()
          .ignoreDependency(alwaysTrue(), resideInAPackage(API_SYSTEM))
          .because(
              "a feature must stay movable and readable on its own: when two features need the"
                  + " same piece, move it to a sub-package of dev.argus.api.system (as paging,"
                  + " outbox, runtimeconfig and secrets are), or let system declare an interface"
                  + " that the feature implements (as SecretStore); system itself depends on no"
                  + " feature");

  public static final ArchRule API_APPLICATION_PACKAGE_DEPENDS_ON_SYSTEM_ALONE =
      classes()
          .that()
          .resideInAPackage(API)
          .should()
          .onlyDependOnClassesThat(
              resideInAnyPackage(API, API_SYSTEM).or(resideOutsideOfPackage(API + "..")))
          .because(
              "the application class only starts Spring, which finds the features itself; a"
                  + " check it runs before Spring starts belongs in dev.argus.api.system (as"
                  + " BootstrapApiKey)");

  // ---------------------------------------------------------------------------------------------
  // infra/llm

  public static final String LLM = "dev.argus.llm";

  public static final ArchRule LLM_MEASURES_WITH_THE_JDK_CLIENT_ALONE =
      noClasses()
          .that()
          .resideInAPackage(LLM + "..")
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
                  + " the collector instead");

  public static final ArchRule LLM_CLIENTS_DO_NOT_KNOW_THE_SIMULATOR =
      noClasses()
          .that()
          .resideInAPackage(LLM + ".client..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage(LLM + ".simulator..")
          .because(
              "the simulator is a test double of remote providers; the client must not know it:"
                  + " give the simulator what it needs from the client, not the other way round");

  // ---------------------------------------------------------------------------------------------
  // infra/camera

  public static final String CAMERA = "dev.argus.camera";

  public static final ArchRule CAMERA_DEPENDS_ON_THE_JDK_ALONE =
      noClasses()
          .that()
          .resideInAPackage(CAMERA + "..")
          .should()
          .dependOnClassesThat()
          .resideOutsideOfPackages(
              "java..",
              "javax.imageio..",
              // Jackson reads the detector sidecar's JSON lines (the contract brings it anyway).
              "tools.jackson..",
              CAMERA + "..",
              "dev.argus.contract.net..",
              "dev.argus.contract.settings..")
          .because(
              "frames are decoded by an ffmpeg child and javax.imageio, never by a native library"
                  + " in the JVM (CAMERAS.md), and the sources know nothing of Spring, Kafka or the"
                  + " wire contract: map frames to readings in the collector");

  // ---------------------------------------------------------------------------------------------
  // contract pieces that the standalone clients may use

  public static final ArchRule SHARED_CLIENT_HELPERS_DEPEND_ON_THE_JDK_ALONE =
      noClasses()
          .that()
          .resideInAnyPackage("dev.argus.contract.net..", "dev.argus.contract.settings..")
          .should()
          .dependOnClassesThat()
          .resideOutsideOfPackages(
              "java..", "dev.argus.contract.net..", "dev.argus.contract.settings..")
          .because(
              "the NUT and SNMP clients use them and must stay free of Kafka and Jackson: keep"
                  + " these packages to the JDK");
}
