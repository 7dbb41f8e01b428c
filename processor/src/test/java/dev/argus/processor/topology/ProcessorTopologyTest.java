package dev.argus.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.argus.contract.Topic;
import dev.argus.contract.Topics;
import dev.argus.contract.camera.CameraAlertRuleConfig;
import dev.argus.contract.camera.CameraEvent;
import dev.argus.contract.camera.MotionReading;
import dev.argus.contract.config.ConfigEntry;
import dev.argus.contract.config.ConfigKeys;
import dev.argus.contract.events.DerivedEvent;
import dev.argus.contract.power.PowerReading;
import dev.argus.processor.camera.CameraSettings;
import dev.argus.processor.camera.CameraTopology;
import dev.argus.processor.energy.EnergySettings;
import dev.argus.processor.energy.EnergyTopology;
import dev.argus.processor.llm.LlmSettings;
import dev.argus.processor.power.PowerEventSettings;
import dev.argus.processor.power.PowerEventsTopology;
import dev.argus.processor.streams.StreamsProperties;
import dev.argus.processor.streams.StreamsRuntimeConfig;
import dev.argus.processor.targets.TargetAlertSettings;
import dev.argus.processor.testing.MotionReadingBuilder;
import dev.argus.processor.testing.ReadingBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/** The combined topology the service runs: one read of the readings feeds both outputs. */
class ProcessorTopologyTest {

  private static final Instant T0 = Instant.parse("2026-05-27T10:00:00Z");

  private final Path stateDir =
      Path.of("target", "streams-state", UUID.randomUUID().toString()).toAbsolutePath();

  @AfterEach
  void deleteState() throws IOException {
    FileSystemUtils.deleteRecursively(stateDir);
  }

  @Test
  void aReadingFeedsBothPowerEventsAndEnergy() {
    var streams =
        new StreamsProperties("argus-processor-test", stateDir.toString(), Duration.ofMillis(200));
    var topology =
        new ProcessorTopology(
                PowerEventSettings.defaults(),
                EnergySettings.defaults(),
                TargetAlertSettings.defaults(),
                LlmSettings.defaults(),
                CameraSettings.defaults())
            .build();
    try (var driver =
        new TopologyTestDriver(
            topology,
            StreamsRuntimeConfig.properties("localhost:9", (short) 1, streams, new AtomicLong()),
            T0)) {
      var readings =
          driver.createInputTopic(
              Topics.READINGS_POWER.name(),
              Topics.READINGS_POWER.keySerde().serializer(),
              Topics.READINGS_POWER.valueSerde().serializer());
      var events =
          driver.createOutputTopic(
              Topics.EVENTS.name(),
              Topics.EVENTS.keySerde().deserializer(),
              Topics.EVENTS.valueSerde().deserializer());
      var energy =
          driver.createOutputTopic(
              Topics.ENERGY.name(),
              Topics.ENERGY.keySerde().deserializer(),
              Topics.ENERGY.valueSerde().deserializer());

      PowerReading online = ReadingBuilder.ups("ups-1").at(T0).status("OL").power(360.0).build();
      PowerReading onBattery =
          ReadingBuilder.ups("ups-1").at(T0.plusSeconds(60)).status("OB").power(360.0).build();
      readings.pipeInput("ups-1", online, T0);
      readings.pipeInput("ups-1", onBattery, T0.plusSeconds(60));

      assertThat(events.readValuesToList())
          .extracting(DerivedEvent::eventType)
          .containsExactly("on_battery");
      assertThat(energy.readValue().whTotal()).isEqualTo(6.0);
      assertThat(driver.getAllStateStores())
          .containsKeys(PowerEventsTopology.DEVICE_STATE_STORE, EnergyTopology.ENERGY_STATE_STORE);
    }
  }

  @Test
  void cameraReadingsAndStatusesRunInTheSameApplication() {
    var streams =
        new StreamsProperties("argus-processor-test", stateDir.toString(), Duration.ofMillis(200));
    var topology =
        new ProcessorTopology(
                PowerEventSettings.defaults(),
                EnergySettings.defaults(),
                TargetAlertSettings.defaults(),
                LlmSettings.defaults(),
                CameraSettings.defaults())
            .build();
    try (var driver =
        new TopologyTestDriver(
            topology,
            StreamsRuntimeConfig.properties("localhost:9", (short) 1, streams, new AtomicLong()),
            T0)) {
      var readings =
          driver.createInputTopic(
              Topics.READINGS_CAMERA.name(),
              Topics.READINGS_CAMERA.keySerde().serializer(),
              Topics.READINGS_CAMERA.valueSerde().serializer());
      var statuses =
          driver.createInputTopic(
              Topics.CAMERA_STATUS.name(),
              Topics.CAMERA_STATUS.keySerde().serializer(),
              Topics.CAMERA_STATUS.valueSerde().serializer());
      var cameraEvents =
          driver.createOutputTopic(
              Topics.CAMERA_EVENTS.name(),
              Topics.CAMERA_EVENTS.keySerde().deserializer(),
              Topics.CAMERA_EVENTS.valueSerde().deserializer());
      var events =
          driver.createOutputTopic(
              Topics.EVENTS.name(),
              Topics.EVENTS.keySerde().deserializer(),
              Topics.EVENTS.valueSerde().deserializer());
      var config =
          driver.createInputTopic(
              Topics.CONFIG.name(),
              Topics.CONFIG.keySerde().serializer(),
              Topics.CONFIG.valueSerde().serializer());
      String camera = UUID.randomUUID().toString();
      // A camera alert rule on the config table the power topology materializes
      String ruleId = UUID.randomUUID().toString();
      config.pipeInput(
          ConfigKeys.cameraRule(ruleId),
          ConfigEntry.of(
              new CameraAlertRuleConfig(ruleId, "Any motion", List.of(), List.of(), true, true)),
          T0);

      MotionReading reading = MotionReadingBuilder.camera(camera).at(T0).frames(2, 100).build();
      readings.pipeInput(camera, reading, T0);
      statuses.pipeInput(camera, MotionReadingBuilder.status(camera, "offline", T0, "timeout"), T0);

      assertThat(cameraEvents.readValuesToList())
          .extracting(CameraEvent::eventId)
          .containsExactly(CameraEvent.idFor(reading.readingId()));
      assertThat(events.readValuesToList())
          .extracting(DerivedEvent::eventType)
          .containsExactly("camera_detection", "camera_offline");
      assertThat(driver.getAllStateStores())
          .containsKeys(
              CameraTopology.MOTION_STATE_STORE,
              CameraTopology.HELD_MOTION_STORE,
              CameraTopology.STATUS_STATE_STORE);
    }
  }

  @Test
  void bothHalvesMustReadTheSameTopic() {
    Topic<String, PowerReading> otherReadings =
        new Topic<>(
            "other.readings",
            Topics.READINGS_POWER.keySerde(),
            Topics.READINGS_POWER.valueSerde(),
            1,
            Topics.READINGS_POWER.configs());
    var energy = new EnergySettings(otherReadings, Topics.ENERGY, Duration.ofMinutes(15));

    assertThatThrownBy(
            () ->
                new ProcessorTopology(
                    PowerEventSettings.defaults(),
                    energy,
                    TargetAlertSettings.defaults(),
                    LlmSettings.defaults(),
                    CameraSettings.defaults()))
        .hasMessageContaining("same topic");
  }
}
