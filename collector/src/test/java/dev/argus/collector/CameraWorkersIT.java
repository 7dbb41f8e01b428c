package dev.argus.collector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.camera.source.FrameSourceFactory;
import dev.argus.collector.testing.SyntheticCamera;
import dev.argus.collector.testing.SyntheticCamera.Scene;
import dev.argus.collector.testing.TopicRecords;
import dev.argus.contract.TopicProvisioner;
import dev.argus.contract.Topics;
import dev.argus.contract.camera.CameraConfig;
import dev.argus.contract.camera.CameraStatus;
import dev.argus.contract.camera.CapturedFrame;
import dev.argus.contract.camera.MotionReading;
import dev.argus.contract.config.ConfigEntry;
import dev.argus.contract.config.ConfigKeys;
import dev.argus.contract.secrets.SecretContext;
import dev.argus.contract.testing.TestSecrets;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The whole collector with cameras on {@code argus.config}, as the api publishes them, against an
 * in-JVM Kafka broker: statuses on {@code argus.camera.status} and motion readings with their
 * frames on {@code argus.readings.camera}. The frames come from an in-test camera ({@link
 * SyntheticCamera}) registered as the frame source factory, in place of ffmpeg.
 */
@ExtendWith(OutputCaptureExtension.class)
class CameraWorkersIT {

  private static final String COLLECTOR = "collector-cam";
  private static final String PASSWORD = "cam-s3cret";

  private static EmbeddedKafkaKraftBroker broker;

  @BeforeAll
  static void startBroker() {
    broker = new EmbeddedKafkaKraftBroker(1, 1);
    broker.afterPropertiesSet();
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
      new TopicProvisioner(admin, (short) 1).ensure(Topics.all());
    }
  }

  @AfterAll
  static void stopBroker() {
    if (broker != null) {
      broker.destroy();
    }
  }

  private static CameraConfig camera(String id, boolean started, String mode, int frameCount) {
    return new CameraConfig(
        id,
        "Garden",
        "rtsp",
        true,
        started,
        "rtsp://127.0.0.1:8554/garden",
        "tcp",
        null,
        null,
        null,
        "viewer",
        // encrypted, as the api publishes it
        Map.of(
            "password",
            TestSecrets.CIPHER.encrypt(PASSWORD, SecretContext.cameraField(id, "password"))),
        5,
        "medium",
        60,
        List.of(),
        null,
        mode,
        frameCount,
        List.of("person"),
        null,
        null,
        null,
        null);
  }

  @Test
  void camerasOnTheConfigTopicPublishStatusAndMotionReadings(CapturedOutput output)
      throws Exception {
    String garden = UUID.randomUUID().toString();
    String street = UUID.randomUUID().toString();
    var camera = new SyntheticCamera(Scene.MOVING_BOX);
    var noisy = new SyntheticCamera(Scene.NOISE);
    // One factory, two scenes: by the camera's URL
    FrameSourceFactory sources =
        (spec, fps, maxWidth) ->
            (spec.url().endsWith("/street") ? noisy : camera).open(spec, fps, maxWidth);
    try (var producer = configProducer()) {
      // Given a camera published before the collector starts
      send(producer, garden, camera(garden, true, "multi_frame", 3));

      // When the collector starts
      ConfigurableApplicationContext collector =
          new SpringApplicationBuilder(CollectorApplication.class)
              .initializers(
                  context -> context.getBeanFactory().registerSingleton("testCameras", sources))
              .run(
                  "--argus.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                  "--argus.secrets.keys=" + TestSecrets.KEY,
                  "--argus.collector.collector-id=" + COLLECTOR,
                  "--argus.collector.poll-interval=1h",
                  "--argus.camera.status-interval=1s");
      var statuses = new TopicRecords<>(broker.getBrokersAsString(), Topics.CAMERA_STATUS);
      var readings = new TopicRecords<>(broker.getBrokersAsString(), Topics.READINGS_CAMERA);
      try (collector;
          statuses;
          readings) {

        // Then its worker reports the camera online, with the stream's size and measured fps
        CameraStatus online =
            statuses.first(r -> r.key().equals(garden) && r.value().state().equals("online"));
        assertThat(online.collectorId()).isEqualTo(COLLECTOR);
        assertThat(online.cameraName()).isEqualTo("Garden");
        assertThat(online.width()).isEqualTo(SyntheticCamera.WIDTH);
        CameraStatus measured =
            statuses.first(r -> r.key().equals(garden) && r.value().fps() != null);
        assertThat(measured.fps()).isPositive();
        // ... reads the source with the password decrypted
        assertThat(camera.opens().getFirst().spec().password()).isEqualTo(PASSWORD);

        // ... and publishes the moving box as a motion reading with 3 frames
        MotionReading reading = readings.first(r -> r.key().equals(garden));
        assertThat(reading.cameraId()).isEqualTo(garden);
        assertThat(reading.collectorId()).isEqualTo(COLLECTOR);
        assertThat(reading.analysisMode()).isEqualTo("multi_frame");
        assertThat(reading.smartDetectionTypes()).containsExactly("person");
        assertThat(reading.frames()).hasSize(3);
        for (CapturedFrame frame : reading.frames()) {
          assertThat(ImageIO.read(new ByteArrayInputStream(frame.jpeg())).getWidth())
              .isEqualTo(SyntheticCamera.WIDTH);
        }
        assertThat(ImageIO.read(new ByteArrayInputStream(reading.thumbnail()))).isNotNull();

        // When a camera of noise with 10 frames of 640 px is added: a record above Kafka's
        // default 1 MB, which the camera producer allows
        send(
            producer,
            street,
            new CameraConfig(
                street,
                "Street",
                "rtsp",
                true,
                true,
                "rtsp://127.0.0.1:8554/street",
                "tcp",
                null,
                null,
                null,
                null,
                Map.of(),
                5,
                "low",
                60,
                List.of(),
                null,
                "multi_frame",
                10,
                List.of(),
                null,
                null,
                null,
                null));
        MotionReading large = readings.first(r -> r.key().equals(street));
        assertThat(large.frames()).hasSize(10);
        assertThat(large.frames()).allSatisfy(frame -> assertThat(frame.width()).isEqualTo(640));
        int bytes = large.frames().stream().mapToInt(frame -> frame.jpeg().length).sum();
        assertThat(bytes).isGreaterThan(1024 * 1024);

        // When the first camera is stopped
        Instant stoppedAt = Instant.now();
        send(producer, garden, camera(garden, false, "multi_frame", 3));

        // Then its worker stops and says so
        CameraStatus stopped =
            statuses.first(r -> r.key().equals(garden) && r.value().state().equals("stopped"));
        assertThat(stopped.reason()).isEqualTo("the camera was stopped");
        assertThat(stopped.at()).isAfterOrEqualTo(stoppedAt.minusSeconds(1));
      }
      // and a collector that stops reports the cameras it watched offline
      var after = new TopicRecords<>(broker.getBrokersAsString(), Topics.CAMERA_STATUS);
      try (after) {
        CameraStatus last =
            after.first(r -> r.key().equals(street) && r.value().state().equals("offline"));
        assertThat(last.reason()).isEqualTo("collector " + COLLECTOR + " stopped");
      }
    }
    assertThat(output.getAll()).doesNotContain(PASSWORD);
  }

  private static KafkaProducer<String, ConfigEntry> configProducer() {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            broker.getBrokersAsString(),
            ProducerConfig.ACKS_CONFIG,
            "all"),
        Topics.CONFIG.keySerde().serializer(),
        Topics.CONFIG.valueSerde().serializer());
  }

  private static void send(
      KafkaProducer<String, ConfigEntry> producer, String id, CameraConfig camera)
      throws Exception {
    producer
        .send(
            new ProducerRecord<>(
                Topics.CONFIG.name(), ConfigKeys.camera(id), ConfigEntry.of(camera)))
        .get();
  }
}
