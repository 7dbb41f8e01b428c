package dev.argus.collector.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.collector.camera.DetectorSettings;
import dev.argus.collector.kafka.ProducerSettings;
import dev.argus.collector.power.device.Device;
import dev.argus.collector.power.device.NutDevice;
import dev.argus.collector.probe.ProbeSettings;
import dev.argus.collector.protect.ProtectSettings;
import dev.argus.contract.kafka.KafkaSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.util.unit.DataSize;

/**
 * Binds the settings the way the service does: the real application.yml, environment variables (as
 * a system-environment source, so Spring's relaxed names apply) and the production settings
 * configuration.
 */
class CollectorSettingsBindingTest {

  private static ApplicationContextRunner withEnvironment(Map<String, Object> variables) {
    return new ApplicationContextRunner()
        .withInitializer(new ConfigDataApplicationContextInitializer())
        .withInitializer(
            context ->
                // Same name as the real one, which it replaces: the test sees only these variables.
                context
                    .getEnvironment()
                    .getPropertySources()
                    .addFirst(
                        new SystemEnvironmentPropertySource(
                            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                            variables)))
        .withUserConfiguration(CollectorSettingsConfiguration.class);
  }

  @Test
  void appliesTheDocumentedDefaults() {
    withEnvironment(Map.of())
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              var collector = context.getBean(CollectorProperties.class);
              assertThat(collector.collectorId()).isNotBlank();
              assertThat(collector.pollInterval()).isEqualTo(Duration.ofMinutes(5));
              assertThat(collector.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
              assertThat(collector.readTimeout()).isEqualTo(Duration.ofSeconds(5));
              assertThat(collector.pollDeadline()).isEqualTo(Duration.ofSeconds(15));
              assertThat(collector.heartbeatInterval()).isEqualTo(Duration.ofSeconds(10));
              assertThat(collector.configuredDevices()).isEmpty();
              assertThat(collector.acceptUnassignedDevices()).isTrue();
              assertThat(collector.acceptUnassignedTargets()).isTrue();
              assertThat(context.getBean(KafkaSettings.class))
                  .isEqualTo(new KafkaSettings("localhost:9092", (short) 1));
              var probes = context.getBean(ProbeSettings.class);
              assertThat(probes.maxInFlight()).isEqualTo(256);
              assertThat(probes.defaultTimeout()).isEqualTo(Duration.ofSeconds(10));
              assertThat(probes.maxBodyBytes()).isEqualTo(1024 * 1024);
              assertThat(context.getBean(ProducerSettings.class))
                  .isEqualTo(new ProducerSettings(Duration.ofHours(24), DataSize.ofMegabytes(32)));
            });
  }

  @Test
  void readsTheProducerSettings() {
    withEnvironment(
            Map.of("ARGUS_KAFKA_DELIVERY_TIMEOUT", "2h", "ARGUS_KAFKA_BUFFER_MEMORY", "64MB"))
        .run(
            context ->
                assertThat(context.getBean(ProducerSettings.class))
                    .isEqualTo(
                        new ProducerSettings(Duration.ofHours(2), DataSize.ofMegabytes(64))));
  }

  @Test
  void refusesADeliveryTimeoutShorterThanAMinuteNamingTheSetting() {
    withEnvironment(Map.of("ARGUS_KAFKA_DELIVERY_TIMEOUT", "30s"))
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining(
                        "argus.kafka.producer.delivery-timeout (ARGUS_KAFKA_DELIVERY_TIMEOUT) must"
                            + " be between 1m and 24d, was PT30S"));
  }

  @Test
  void readsWhetherUnassignedDevicesAndTargetsAreAccepted() {
    withEnvironment(
            Map.of(
                "ARGUS_COLLECTOR_ACCEPT_UNASSIGNED_DEVICES", "true",
                "ARGUS_COLLECTOR_ACCEPT_UNASSIGNED_TARGETS", "false"))
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              var collector = context.getBean(CollectorProperties.class);
              assertThat(collector.acceptUnassignedDevices()).isTrue();
              assertThat(collector.acceptUnassignedTargets()).isFalse();
            });
  }

  @Test
  void readsTheEnvironmentVariables() {
    // Given
    var environment =
        Map.<String, Object>of(
            "ARGUS_COLLECTOR_ID", "site-a",
            "ARGUS_POLL_INTERVAL", "5s",
            "ARGUS_POLL_DEADLINE", "4s",
            "ARGUS_NUT_CONNECT_TIMEOUT", "1s",
            "ARGUS_NUT_READ_TIMEOUT", "2s",
            "ARGUS_HEARTBEAT_INTERVAL", "30s",
            "ARGUS_KAFKA_BOOTSTRAP_SERVERS", "kafka-1:9092,kafka-2:9092",
            "ARGUS_KAFKA_REPLICATION_FACTOR", "3",
            "ARGUS_COLLECTOR_DEVICES",
                "nut://monitor:pw@10.0.0.5/sim?id=ups-main&name=Main%20UPS, nut://10.0.0.6:3500,");

    // When / Then
    withEnvironment(environment)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              var collector = context.getBean(CollectorProperties.class);
              assertThat(collector.collectorId()).isEqualTo("site-a");
              assertThat(collector.pollInterval()).isEqualTo(Duration.ofSeconds(5));
              assertThat(collector.pollDeadline()).isEqualTo(Duration.ofSeconds(4));
              assertThat(collector.connectTimeout()).isEqualTo(Duration.ofSeconds(1));
              assertThat(collector.readTimeout()).isEqualTo(Duration.ofSeconds(2));
              assertThat(collector.heartbeatInterval()).isEqualTo(Duration.ofSeconds(30));
              assertThat(collector.configuredDevices())
                  .containsExactly(
                      new NutDevice(
                          "ups-main",
                          "Main UPS",
                          "10.0.0.5",
                          3493,
                          "sim",
                          "monitor",
                          "pw",
                          "ups",
                          true),
                      new NutDevice(
                          "10.0.0.6", null, "10.0.0.6", 3500, null, null, null, "ups", true));
              assertThat(context.getBean(KafkaSettings.class))
                  .isEqualTo(new KafkaSettings("kafka-1:9092,kafka-2:9092", (short) 3));
            });
  }

  @Test
  void readsTheProbeSettings() {
    var environment =
        Map.<String, Object>of(
            "ARGUS_PROBE_MAX_IN_FLIGHT", "32",
            "ARGUS_PROBE_DEFAULT_TIMEOUT", "3s",
            "ARGUS_PROBE_MAX_BODY_SIZE", "64KB");

    withEnvironment(environment)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              var probes = context.getBean(ProbeSettings.class);
              assertThat(probes.maxInFlight()).isEqualTo(32);
              assertThat(probes.defaultTimeout()).isEqualTo(Duration.ofSeconds(3));
              assertThat(probes.maxBodyBytes()).isEqualTo(64 * 1024);
            });
  }

  @Test
  void readsTheProtectSettingsAndTheirDefaults() {
    withEnvironment(Map.of())
        .run(
            context ->
                assertThat(context.getBean(ProtectSettings.class))
                    .isEqualTo(ProtectSettings.defaults())
                    .isEqualTo(
                        new ProtectSettings(
                            Duration.ofSeconds(30), Duration.ofSeconds(60), 2, 32)));
    var environment =
        Map.<String, Object>of(
            "ARGUS_PROTECT_STATUS_INTERVAL", "5s",
            "ARGUS_PROTECT_RECEIVE_TIMEOUT", "20s",
            "ARGUS_PROTECT_MEDIA_THREADS", "4",
            "ARGUS_PROTECT_MEDIA_QUEUE", "100");

    withEnvironment(environment)
        .run(
            context -> {
              var protect = context.getBean(ProtectSettings.class);
              assertThat(protect.statusInterval()).isEqualTo(Duration.ofSeconds(5));
              assertThat(protect.receiveTimeout()).isEqualTo(Duration.ofSeconds(20));
              assertThat(protect.timeouts().receive()).isEqualTo(Duration.ofSeconds(20));
              assertThat(protect.mediaThreads()).isEqualTo(4);
              assertThat(protect.mediaQueue()).isEqualTo(100);
            });
  }

  @Test
  void refusesNoProtectMediaThreadsNamingTheSetting() {
    withEnvironment(Map.of("ARGUS_PROTECT_MEDIA_THREADS", "0"))
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessage(
                        "argus.protect.media-threads (ARGUS_PROTECT_MEDIA_THREADS) must be between"
                            + " 1 and 16, was 0"));
  }

  @Test
  void readsTheSecretKeyAndNamesOnlyItsIds() {
    withEnvironment(Map.of("ARGUS_SECRET_KEY", "new:" + KEY_B + ",old:" + KEY_A))
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              var secrets = context.getBean(SecretsSettings.class);
              assertThat(secrets.cipher().newestKeyId()).isEqualTo("new");
              assertThat(secrets.toString()).contains("new", "old").doesNotContain(KEY_A, KEY_B);
            });
  }

  @Test
  void refusesToStartWithoutASecretKeySayingHowToMakeOne() {
    withEnvironment(Map.of("ARGUS_SECRET_KEY", ""))
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageStartingWith("argus.secrets.keys (ARGUS_SECRET_KEY) is not set")
                    .hasMessageContaining("openssl rand -base64 32"));
  }

  @Test
  void refusesASecretKeyThatIsNot256Bits() {
    withEnvironment(Map.of("ARGUS_SECRET_KEY", "short:QUFBQUFBQUFBQUFBQUFBQQ=="))
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining(
                        "argus.secrets.keys (ARGUS_SECRET_KEY) entry 1 of 1 is a 128-bit key"));
  }

  private static final String KEY_A = "QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUE=";
  private static final String KEY_B = "QkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkI=";

  @Test
  void readsTheDetectorSettings() {
    withEnvironment(
            Map.of(
                "ARGUS_DETECTOR_MODE", "OFF",
                "ARGUS_DETECTOR_DIR", "/opt/argus/detector",
                "ARGUS_DETECTOR_MIN_SCORE_PERSON", "0.6",
                "ARGUS_DETECTOR_MIN_SCORE_PACKAGE", "0.3",
                "ARGUS_DETECTOR_FRAME_TIMEOUT", "5s",
                "ARGUS_DETECTOR_MAX_PENDING_FRAMES", "12"))
        .run(
            context -> {
              var detector = context.getBean(DetectorSettings.class);
              assertThat(detector.enabled()).isFalse();
              assertThat(detector.dir()).isEqualTo(java.nio.file.Path.of("/opt/argus/detector"));
              assertThat(detector.minScorePerson()).isEqualTo(0.6);
              assertThat(detector.minScoreVehicle()).isEqualTo(0.45);
              assertThat(detector.minScoreAnimal()).isEqualTo(0.45);
              assertThat(detector.minScorePackage()).isEqualTo(0.3);
              assertThat(detector.frameTimeout()).isEqualTo(Duration.ofSeconds(5));
              assertThat(detector.startTimeout()).isEqualTo(Duration.ofSeconds(60));
              assertThat(detector.maxPendingFrames()).isEqualTo(12);
            });
    withEnvironment(Map.of())
        .run(
            context ->
                assertThat(context.getBean(DetectorSettings.class).mode()).isEqualTo("auto"));
  }

  @Test
  void refusesAnUnknownDetectorModeOrScoreNamingTheSetting() {
    withEnvironment(Map.of("ARGUS_DETECTOR_MODE", "gpu"))
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessage(
                        "argus.detector.mode (ARGUS_DETECTOR_MODE) must be auto or off, was gpu"));
    withEnvironment(Map.of("ARGUS_DETECTOR_MIN_SCORE_VEHICLE", "1.5"))
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessage(
                        "argus.detector.min-score-vehicle (ARGUS_DETECTOR_MIN_SCORE_VEHICLE) must"
                            + " be between 0 and 1, was 1.5"));
  }

  @Test
  void refusesNoProbesInFlightNamingTheSetting() {
    withEnvironment(Map.of("ARGUS_PROBE_MAX_IN_FLIGHT", "0"))
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessage(
                        "argus.probe.max-in-flight (ARGUS_PROBE_MAX_IN_FLIGHT) must be between 1"
                            + " and 100000, was 0"));
  }

  @Test
  void readsDevicesFromAConfigurationFileAsSettingsOrAsUris() {
    withEnvironment(Map.of())
        .withPropertyValues(
            "argus.collector.devices[0].id=rack",
            "argus.collector.devices[0].host=10.0.0.7",
            "argus.collector.devices[0].ups=r1",
            "argus.collector.devices[0].enabled=false",
            "argus.collector.devices[1]=nut://10.0.0.8/r2")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBean(CollectorProperties.class).configuredDevices())
                  .extracting(Device::id, Device::enabled)
                  .containsExactly(
                      org.assertj.core.groups.Tuple.tuple("rack", false),
                      org.assertj.core.groups.Tuple.tuple("10.0.0.8-r2", true));
            });
  }

  @Test
  void refusesAPollIntervalBelowOneSecondNamingTheSetting() {
    withEnvironment(Map.of("ARGUS_POLL_INTERVAL", "500ms"))
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessage(
                        "argus.collector.poll-interval (ARGUS_POLL_INTERVAL) must be at least 1s,"
                            + " was PT0.5S"));
  }

  @Test
  void refusesAnInvalidDeviceNamingItWithoutRevealingItsPassword() {
    withEnvironment(
            Map.of(
                "ARGUS_COLLECTOR_DEVICES",
                "nut://10.0.0.5/sim,nut://monitor:hunter2@10.0.0.6:0/sim"))
        .run(
            context -> {
              assertThat(context)
                  .getFailure()
                  .rootCause()
                  .hasMessageStartingWith(
                      "ARGUS_COLLECTOR_DEVICES / argus.collector.devices entry 2"
                          + " (nut://monitor:***@10.0.0.6:0/sim) is invalid: port must be between 1"
                          + " and 65535");
              assertThat(stackTrace(context.getStartupFailure())).doesNotContain("hunter2");
            });
  }

  @Test
  void refusesTwoDevicesWithTheSameId() {
    withEnvironment(Map.of("ARGUS_COLLECTOR_DEVICES", "nut://a/sim?id=x,nut://b/sim?id=x"))
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining(
                        "entry 2 has the device id 'x' of ARGUS_COLLECTOR_DEVICES /"
                            + " argus.collector.devices entry 1"));
  }

  @Test
  void refusesAZeroPollDeadline() {
    withEnvironment(Map.of("ARGUS_POLL_DEADLINE", "0s"))
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining(
                        "argus.collector.poll-deadline (ARGUS_POLL_DEADLINE) must be a positive"
                            + " duration"));
  }

  private static String stackTrace(Throwable failure) {
    var text = new StringWriter();
    failure.printStackTrace(new PrintWriter(text));
    return text.toString();
  }
}
