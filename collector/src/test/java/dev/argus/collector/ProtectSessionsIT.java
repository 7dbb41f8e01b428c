package dev.argus.collector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.collector.testing.TopicRecords;
import dev.argus.contract.TopicProvisioner;
import dev.argus.contract.Topics;
import dev.argus.contract.camera.CameraConfig;
import dev.argus.contract.camera.CameraStatus;
import dev.argus.contract.camera.CapturedFrame;
import dev.argus.contract.camera.MotionReading;
import dev.argus.contract.camera.ProtectControllerConfig;
import dev.argus.contract.camera.ProtectControllerStatus;
import dev.argus.contract.config.ConfigEntry;
import dev.argus.contract.config.ConfigKeys;
import dev.argus.contract.secrets.SecretContext;
import dev.argus.contract.testing.TestSecrets;
import dev.argus.protect.testing.LoopbackProtectController;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The whole collector with a UniFi Protect controller and Protect cameras on {@code argus.config},
 * as the api publishes them, against {@code infra/protect}'s loopback controller (a test double
 * emulating the protocol over HTTPS and the binary updates websocket) and an in-JVM Kafka broker:
 * the controller's status on {@code argus.protect.status}, its cameras' on {@code
 * argus.camera.status}, and the scripted motion, person and ring as readings with snapshot and clip
 * frames on {@code argus.readings.camera}; a dropped websocket is reconnected and later events
 * still arrive; a wrong password is an error status saying why.
 */
class ProtectSessionsIT {

  private static final String COLLECTOR = "collector-protect";
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private static EmbeddedKafkaKraftBroker broker;
  private static LoopbackProtectController loopback;

  @BeforeAll
  static void start() throws Exception {
    broker = new EmbeddedKafkaKraftBroker(1, 1);
    broker.afterPropertiesSet();
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
      new TopicProvisioner(admin, (short) 1).ensure(Topics.all());
    }
    loopback = LoopbackProtectController.start();
  }

  @AfterAll
  static void stop() {
    if (loopback != null) {
      loopback.close();
    }
    if (broker != null) {
      broker.destroy();
    }
  }

  private static ProtectControllerConfig controller(String id, String password) {
    return new ProtectControllerConfig(
        id,
        "Loopback",
        loopback.host(),
        loopback.port(),
        LoopbackProtectController.USERNAME,
        // encrypted, as the api publishes it
        Map.of(
            "password",
            TestSecrets.CIPHER.encrypt(
                password, SecretContext.protectControllerField(id, "password"))),
        false,
        true,
        null);
  }

  private static CameraConfig camera(
      String id, String name, String controllerId, String protectCameraId, String mode, int count) {
    return new CameraConfig(
        id,
        name,
        "protect",
        true,
        true,
        null,
        null,
        null,
        null,
        null,
        null,
        Map.of(),
        5,
        "medium",
        30,
        List.of(),
        null,
        mode,
        count,
        List.of("person", "vehicle"),
        null,
        // another collector's name: a Protect camera runs where its controller runs
        "some-other-collector",
        controllerId,
        protectCameraId);
  }

  @Test
  void aControllerOnTheConfigTopicBecomesStatusesAndReadingsWithFrames() throws Exception {
    String controllerId = UUID.randomUUID().toString();
    String front = UUID.randomUUID().toString();
    String door = UUID.randomUUID().toString();
    String yard = UUID.randomUUID().toString();
    try (var producer = configProducer()) {
      // Given a controller and three of its cameras, published before the collector starts
      send(
          producer,
          ConfigKeys.protectController(controllerId),
          ConfigEntry.of(controller(controllerId, LoopbackProtectController.PASSWORD)));
      send(
          producer,
          ConfigKeys.camera(front),
          ConfigEntry.of(
              camera(
                  front,
                  "Front",
                  controllerId,
                  LoopbackProtectController.FRONT_CAMERA,
                  "single_frame",
                  1)));
      send(
          producer,
          ConfigKeys.camera(door),
          ConfigEntry.of(
              camera(
                  door,
                  "Door",
                  controllerId,
                  LoopbackProtectController.DOORBELL,
                  "multi_frame",
                  4)));
      send(
          producer,
          ConfigKeys.camera(yard),
          ConfigEntry.of(
              camera(
                  yard,
                  "Yard",
                  controllerId,
                  LoopbackProtectController.YARD_CAMERA,
                  "single_frame",
                  1)));

      // When the collector starts
      int subscribed = loopback.subscriptionsOpened();
      ConfigurableApplicationContext collector = startCollector();
      var controllerStatuses =
          new TopicRecords<>(broker.getBrokersAsString(), Topics.PROTECT_STATUS);
      var cameraStatuses = new TopicRecords<>(broker.getBrokersAsString(), Topics.CAMERA_STATUS);
      var readings = new TopicRecords<>(broker.getBrokersAsString(), Topics.READINGS_CAMERA);
      try (collector;
          controllerStatuses;
          cameraStatuses;
          readings) {

        // Then its session logs in with the decrypted password and says what the bootstrap said
        ProtectControllerStatus connected =
            controllerStatuses.first(
                r -> r.key().equals(controllerId) && r.value().state().equals("connected"),
                PATIENCE);
        assertThat(connected.collectorId()).isEqualTo(COLLECTOR);
        assertThat(connected.reason()).isNull();
        assertThat(connected.nvrName()).isEqualTo(LoopbackProtectController.NVR_NAME);
        assertThat(connected.nvrVersion()).isEqualTo(LoopbackProtectController.NVR_VERSION);
        assertThat(connected.camerasFound()).isEqualTo(loopback.cameras().size());
        assertThat(connected.lastUpdateId()).isNotBlank();
        assertThat(loopback.logins()).isPositive();

        // ... and its cameras' states: online, and offline where the controller says so
        CameraStatus frontOnline =
            cameraStatuses.first(r -> r.key().equals(front) && r.value().state().equals("online"));
        assertThat(frontOnline.detector()).isEqualTo("protect");
        assertThat(frontOnline.collectorId()).isEqualTo(COLLECTOR);
        assertThat(frontOnline.fps()).isNull();
        cameraStatuses.first(r -> r.key().equals(door) && r.value().state().equals("online"));
        CameraStatus yardOffline =
            cameraStatuses.first(
                r ->
                    r.key().equals(yard)
                        && r.value().state().equals("offline")
                        && r.value().reason().contains("DISCONNECTED"));
        assertThat(yardOffline.reason())
            .isEqualTo("Protect controller Loopback reports it DISCONNECTED");

        // When the controller plays motion -> person -> end -> ring
        assertThat(loopback.awaitSubscription(subscribed + 1, PATIENCE)).isTrue();
        loopback.playMotionPersonRing(
            LoopbackProtectController.FRONT_CAMERA, LoopbackProtectController.DOORBELL);

        // Then the motion and the person are readings of the front camera with the snapshot
        MotionReading motion =
            readings.first(
                r -> r.key().equals(front) && r.value().detectionType().equals("motion"), PATIENCE);
        MotionReading person =
            readings.first(
                r -> r.key().equals(front) && r.value().detectionType().equals("person"), PATIENCE);
        for (MotionReading reading : List.of(motion, person)) {
          assertThat(reading.source()).isEqualTo("protect");
          assertThat(reading.detector()).isEqualTo("protect");
          assertThat(reading.collectorId()).isEqualTo(COLLECTOR);
          assertThat(reading.cameraName()).isEqualTo("Front");
          assertThat(reading.analysisMode()).isEqualTo("single_frame");
          assertThat(reading.smartDetectionTypes()).containsExactly("person", "vehicle");
          assertThat(reading.frames()).hasSize(1);
          assertJpegs(reading, 640);
        }
        assertThat(motion.objects()).isEmpty();
        assertThat(person.objects()).hasSize(1);
        assertThat(person.objects().getFirst().label()).isEqualTo("person");
        assertThat(person.objects().getFirst().confidence()).isBetween(0.5, 1.0);
        assertThat(person.readingId()).isNotEqualTo(motion.readingId());

        // ... and the ring a reading of the doorbell with 4 frames cut from the clip export
        MotionReading ring =
            readings.first(
                r -> r.key().equals(door) && r.value().detectionType().equals("ring"), PATIENCE);
        assertThat(ring.objects()).isEmpty();
        assertThat(ring.analysisMode()).isEqualTo("multi_frame");
        assertThat(ring.frames()).hasSize(4);
        assertJpegs(ring, 640);
        assertThat(ring.frames())
            .extracting(CapturedFrame::capturedAt)
            .doesNotHaveDuplicates()
            .isSorted();

        // ... and the controller's status says when the last event was read
        ProtectControllerStatus withEvent =
            controllerStatuses.first(
                r -> r.key().equals(controllerId) && r.value().lastEventAt() != null, PATIENCE);
        assertThat(withEvent.state()).isEqualTo("connected");

        // When the websocket drops
        int opened = loopback.subscriptionsOpened();
        loopback.dropUpdates();

        // Then the session subscribes again and a later detection still arrives
        assertThat(loopback.awaitSubscription(opened + 1, PATIENCE)).isTrue();
        loopback.startSmartDetection(LoopbackProtectController.FRONT_CAMERA, "vehicle", 70);
        MotionReading vehicle =
            readings.first(
                r -> r.key().equals(front) && r.value().detectionType().equals("vehicle"),
                PATIENCE);
        assertThat(vehicle.objects()).extracting(o -> o.label()).containsExactly("vehicle");
        // ... and every event was one reading: the motion's and the person's end published nothing
        // more, and neither did the reconnect's bootstrap
        assertThat(readings.seen())
            .extracting(r -> r.value().cameraName() + " " + r.value().detectionType())
            .containsExactlyInAnyOrder(
                "Front motion", "Front person", "Door ring", "Front vehicle");

        // When a controller with a wrong password is added
        String wrongId = UUID.randomUUID().toString();
        send(
            producer,
            ConfigKeys.protectController(wrongId),
            ConfigEntry.of(controller(wrongId, "not-the-password")));

        // Then its status is an error that says why, and the login was refused
        ProtectControllerStatus refused =
            controllerStatuses.first(
                r -> r.key().equals(wrongId) && r.value().state().equals("error"), PATIENCE);
        assertThat(refused.reason()).contains("401");
        assertThat(refused.collectorId()).isEqualTo(COLLECTOR);
        assertThat(loopback.refusedLogins()).isPositive();

        // When the first controller is disabled
        var disabled = controller(controllerId, LoopbackProtectController.PASSWORD);
        send(
            producer,
            ConfigKeys.protectController(controllerId),
            ConfigEntry.of(
                new ProtectControllerConfig(
                    controllerId,
                    disabled.name(),
                    disabled.host(),
                    disabled.port(),
                    disabled.username(),
                    disabled.credentials(),
                    false,
                    false,
                    null)));

        // Then it is stopped and its cameras are offline
        ProtectControllerStatus stopped =
            controllerStatuses.first(
                r -> r.key().equals(controllerId) && r.value().state().equals("stopped"), PATIENCE);
        assertThat(stopped.reason()).isEqualTo("the controller is disabled");
        cameraStatuses.first(
            r ->
                r.key().equals(front)
                    && r.value().state().equals("offline")
                    && r.value().reason().contains("disabled"));
      }
    }
  }

  @Test
  void aWebsocketThatGoesSilentIsReconnectedAfterTheReceiveTimeout() throws Exception {
    String controllerId = UUID.randomUUID().toString();
    String front = UUID.randomUUID().toString();
    try (var producer = configProducer()) {
      // Given a collector whose sessions allow 3 s of silence, with a controller and a camera
      ConfigurableApplicationContext collector =
          startCollector("--argus.protect.receive-timeout=3s");
      var controllerStatuses =
          new TopicRecords<>(broker.getBrokersAsString(), Topics.PROTECT_STATUS);
      var readings = new TopicRecords<>(broker.getBrokersAsString(), Topics.READINGS_CAMERA);
      try (collector;
          controllerStatuses;
          readings) {
        int opened = loopback.subscriptionsOpened();
        send(
            producer,
            ConfigKeys.protectController(controllerId),
            ConfigEntry.of(controller(controllerId, LoopbackProtectController.PASSWORD)));
        send(
            producer,
            ConfigKeys.camera(front),
            ConfigEntry.of(
                camera(
                    front,
                    "Front",
                    controllerId,
                    LoopbackProtectController.FRONT_CAMERA,
                    "single_frame",
                    1)));
        controllerStatuses.first(
            r -> r.key().equals(controllerId) && r.value().state().equals("connected"), PATIENCE);
        assertThat(loopback.awaitSubscription(opened + 1, PATIENCE)).isTrue();

        // When the controller keeps the websocket open but sends nothing more
        loopback.goSilent();

        // Then the session gives up on it, subscribes again, and reads what comes next
        assertThat(loopback.awaitSubscription(opened + 2, PATIENCE)).isTrue();
        loopback.startSmartDetection(LoopbackProtectController.FRONT_CAMERA, "animal", 64);
        MotionReading animal =
            readings.first(
                r -> r.key().equals(front) && r.value().detectionType().equals("animal"), PATIENCE);
        assertThat(animal.objects()).extracting(o -> o.label()).containsExactly("animal");
        assertThat(
                controllerStatuses.first(
                    r ->
                        r.key().equals(controllerId)
                            && r.value().state().equals("connecting")
                            && r.value().reason() != null))
            .isNotNull();
      }
    }
  }

  private static ConfigurableApplicationContext startCollector(String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--spring.main.web-application-type=none",
                "--argus.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "--argus.secrets.keys=" + TestSecrets.KEY,
                "--argus.collector.collector-id=" + COLLECTOR,
                "--argus.collector.poll-interval=1h",
                "--argus.protect.status-interval=1s"));
    args.addAll(List.of(more));
    return new SpringApplicationBuilder(CollectorApplication.class)
        .run(args.toArray(String[]::new));
  }

  private static void assertJpegs(MotionReading reading, int maxWidth) throws Exception {
    for (CapturedFrame frame : reading.frames()) {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(frame.jpeg()));
      assertThat(image).isNotNull();
      assertThat(image.getWidth()).isEqualTo(frame.width()).isLessThanOrEqualTo(maxWidth);
    }
    BufferedImage thumbnail = ImageIO.read(new ByteArrayInputStream(reading.thumbnail()));
    assertThat(thumbnail.getWidth()).isLessThanOrEqualTo(320);
  }

  private static KafkaProducer<String, ConfigEntry> configProducer() {
    return new KafkaProducer<>(
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()),
        new StringSerializer(),
        Topics.CONFIG.valueSerde().serializer());
  }

  private static void send(
      KafkaProducer<String, ConfigEntry> producer, String key, ConfigEntry value) throws Exception {
    producer.send(new ProducerRecord<>(Topics.CONFIG.name(), key, value)).get();
  }
}
