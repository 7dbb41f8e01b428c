package dev.argus.contract.jsonschema;

import dev.argus.contract.Topic;
import dev.argus.contract.Topics;
import dev.argus.contract.camera.CameraAlertRuleConfig;
import dev.argus.contract.camera.CameraConfig;
import dev.argus.contract.camera.CameraEvent;
import dev.argus.contract.camera.CameraStatus;
import dev.argus.contract.camera.CapturedFrame;
import dev.argus.contract.camera.DetectedObject;
import dev.argus.contract.camera.DetectionSchedule;
import dev.argus.contract.camera.DetectionZone;
import dev.argus.contract.camera.EventDescription;
import dev.argus.contract.camera.MotionReading;
import dev.argus.contract.camera.ProtectControllerConfig;
import dev.argus.contract.camera.ProtectControllerStatus;
import dev.argus.contract.camera.RelativeBox;
import dev.argus.contract.camera.ZonePoint;
import dev.argus.contract.collector.CollectorHeartbeat;
import dev.argus.contract.commands.CollectorCommand;
import dev.argus.contract.config.ConfigEntry;
import dev.argus.contract.config.DeviceConfig;
import dev.argus.contract.config.RuntimeConfig;
import dev.argus.contract.config.TargetConfig;
import dev.argus.contract.energy.EnergyTotal;
import dev.argus.contract.events.DerivedEvent;
import dev.argus.contract.events.PowerEventType;
import dev.argus.contract.events.TargetEventType;
import dev.argus.contract.llm.BenchmarkEvent;
import dev.argus.contract.llm.BenchmarkStatistics;
import dev.argus.contract.llm.BenchmarkStatistics.ModelStatistics;
import dev.argus.contract.llm.BenchmarkStatistics.Summary;
import dev.argus.contract.llm.LlmAlertRuleConfig;
import dev.argus.contract.llm.LlmJob;
import dev.argus.contract.llm.LlmModelConfig;
import dev.argus.contract.llm.LlmModelStatus;
import dev.argus.contract.llm.LlmMonitoringConfig;
import dev.argus.contract.llm.LlmProbeReading;
import dev.argus.contract.llm.LlmProviderConfig;
import dev.argus.contract.llm.LlmStatus;
import dev.argus.contract.power.DeviceMetadata;
import dev.argus.contract.power.OutletReading;
import dev.argus.contract.power.PowerReading;
import dev.argus.contract.probe.ProbeResult;
import dev.argus.contract.probe.TargetStatus;
import dev.argus.contract.testing.PowerReadings;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sample records of every topic's value type, as the services write them: the schema generator
 * reads from them which fields can be null ({@link NullableComponents}), and the tests validate
 * them, serialized by the production serdes, against the committed schemas.
 *
 * <p>A sample per shape a record takes: a field that one shape requires and another leaves null (a
 * benchmark event's {@code result}, each field of a config entry) needs both, or the schema would
 * call it required. Every record type a topic's value contains needs at least one sample here; the
 * generator says which one is missing.
 */
public final class TopicSamples {

  /** The samples of one topic; the compiler checks they are of the topic's value type. */
  public record Samples<V>(Topic<?, V> topic, List<V> values) {

    public Samples {
      values = List.copyOf(values);
    }

    @SafeVarargs
    static <V> Samples<V> of(Topic<?, V> topic, V... values) {
      return new Samples<>(topic, List.of(values));
    }

    @Override
    public String toString() {
      return topic.name();
    }

    /** The record class of the topic's values. */
    public Class<?> valueType() {
      return values.get(0).getClass();
    }
  }

  private static final Instant AT = Instant.parse("2026-05-27T10:00:00Z");
  private static final String MODEL = "7b7c1a52-1d7e-4c8c-9f55-2f1d5b7f0a11";
  private static final String RUN = "0f3e9a4c-5c1d-4b2a-9e8f-7a6b5c4d3e2f";
  private static final String CAMERA = "3c2b1a09-8f7e-4d6c-b5a4-392817161514";
  private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9};

  private TopicSamples() {}

  /** Samples for every topic of {@link Topics#all()} whose values are records. */
  public static List<Samples<?>> all() {
    return List.of(
        Samples.of(Topics.READINGS_POWER, powerReading(), failedPoll()),
        Samples.of(Topics.READINGS_PROBE, probeUp(), probeDown()),
        Samples.of(Topics.EVENTS, powerEvent(), targetEvent()),
        Samples.of(Topics.ENERGY, energy(450.0), energy(null)),
        Samples.of(Topics.COLLECTOR_STATUS, heartbeat(), firstHeartbeat()),
        Samples.of(Topics.TARGET_STATUS, targetUp(), targetDown()),
        Samples.of(Topics.READINGS_LLM, llmReading(), failedLlmReading()),
        Samples.of(
            Topics.LLM_JOBS,
            LlmJob.monitoringRun("job-1", RUN, AT),
            new LlmJob(
                "job-2", LlmJob.BENCHMARK, RUN, AT, List.of(MODEL), "general", 256, 10, 2, 1)),
        Samples.of(
            Topics.LLM_BENCHMARK,
            new BenchmarkEvent(
                BenchmarkEvent.SCHEMA_VERSION,
                RUN,
                BenchmarkEvent.STARTED,
                AT,
                0,
                10,
                null,
                null,
                null),
            new BenchmarkEvent(
                BenchmarkEvent.SCHEMA_VERSION,
                RUN,
                BenchmarkEvent.RESULT,
                AT,
                1,
                10,
                MODEL,
                llmReading(),
                null),
            new BenchmarkEvent(
                BenchmarkEvent.SCHEMA_VERSION,
                RUN,
                BenchmarkEvent.FAILED,
                AT,
                3,
                10,
                MODEL,
                null,
                "provider unreachable")),
        Samples.of(Topics.LLM_BENCHMARK_STATS, benchmarkStatistics(), emptyStatistics()),
        Samples.of(Topics.LLM_STATUS, modelUp(), modelUnknown()),
        Samples.of(Topics.READINGS_CAMERA, motion(), bareMotion()),
        Samples.of(
            Topics.CAMERA_STATUS,
            new CameraStatus(
                CAMERA,
                "Porch",
                "collector-1",
                "online",
                null,
                4.9,
                1280,
                720,
                "h264",
                AT,
                "centernet"),
            new CameraStatus(
                CAMERA,
                null,
                null,
                "offline",
                "connection refused",
                null,
                null,
                null,
                null,
                AT,
                null)),
        Samples.of(Topics.CAMERA_EVENTS, cameraEvent(), bareCameraEvent()),
        Samples.of(Topics.CAMERA_DESCRIPTIONS, described(), failedDescription()),
        Samples.of(
            Topics.PROTECT_STATUS,
            new ProtectControllerStatus(
                "c0ffee00-0000-4000-8000-000000000001",
                "collector-1",
                ProtectControllerStatus.CONNECTED,
                null,
                "UNVR",
                "4.0.6",
                3,
                "upd-42",
                AT,
                AT),
            new ProtectControllerStatus(
                "c0ffee00-0000-4000-8000-000000000001",
                null,
                ProtectControllerStatus.ERROR,
                "401 Unauthorized",
                null,
                null,
                null,
                null,
                null,
                AT)),
        Samples.of(Topics.CONFIG, configEntries().toArray(ConfigEntry[]::new)),
        Samples.of(Topics.COMMANDS, new CollectorCommand("cmd-1", CollectorCommand.POLL_NOW, AT)));
  }

  /**
   * A map that keeps its order (Map.of's differs from run to run), as the schemas' examples must.
   */
  private static Map<String, Object> inOrder(String k1, Object v1, String k2, Object v2) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put(k1, v1);
    map.put(k2, v2);
    return map;
  }

  /** The samples of {@code topicName}, if it has any. */
  public static Optional<Samples<?>> of(String topicName) {
    return all().stream().filter(s -> s.topic().name().equals(topicName)).findFirst();
  }

  private static PowerReading powerReading() {
    return PowerReadings.aReading()
        .withDeviceId("ups-main")
        .withDeviceName("Main UPS")
        .withAddress("127.0.0.1", 3493)
        .withCollectorId("collector-1")
        .withPowerWatts(450.0)
        .withLoadPercent(55.0)
        .withVoltage(230.0)
        .withBatteryPercent(100.0)
        .withBatteryLowPercent(20.0)
        .withRuntimeSeconds(3600.0)
        .withUpsStatus("OL")
        .withMetadata(new DeviceMetadata("APC", "Smart-UPS 1500", "1.0", "ABC123"))
        .withOutlets(
            List.of(
                new OutletReading(1, "web-1", 120.5, 0.52), new OutletReading(2, null, null, null)))
        .build();
  }

  private static PowerReading failedPoll() {
    return PowerReading.failedPoll(
        "pdu-1", "pdu", "snmp", null, null, null, null, AT, 60, "timeout");
  }

  private static ProbeResult probeUp() {
    return new ProbeResult(
        ProbeResult.SCHEMA_VERSION,
        7,
        "Website",
        "https",
        "collector-1",
        AT,
        true,
        42.5,
        200,
        null,
        AT.plusSeconds(86_400 * 30),
        3,
        60,
        AT);
  }

  private static ProbeResult probeDown() {
    return new ProbeResult(
        ProbeResult.SCHEMA_VERSION,
        8,
        null,
        null,
        null,
        AT,
        false,
        null,
        null,
        "connection refused",
        null,
        1,
        null,
        null);
  }

  private static DerivedEvent powerEvent() {
    return DerivedEvent.power(
        "ups-main",
        PowerEventType.ON_BATTERY,
        AT,
        inOrder("previous_status", "OL", "battery_percent", 80.0));
  }

  private static DerivedEvent targetEvent() {
    return DerivedEvent.target(7, TargetEventType.THRESHOLD_REACHED, AT, Map.of());
  }

  private static EnergyTotal energy(Double lastPowerWatts) {
    return new EnergyTotal(
        EnergyTotal.SCHEMA_VERSION,
        "ups-main",
        AT,
        1234.5,
        LocalDate.of(2026, 5, 27),
        12.5,
        lastPowerWatts,
        0);
  }

  private static CollectorHeartbeat heartbeat() {
    return new CollectorHeartbeat(
        CollectorHeartbeat.SCHEMA_VERSION,
        "collector-1",
        AT,
        AT.minusSeconds(600),
        true,
        3,
        AT.minusSeconds(30),
        250,
        3,
        0,
        false,
        false,
        AT.minusSeconds(29),
        "trigger-1",
        2);
  }

  private static CollectorHeartbeat firstHeartbeat() {
    return new CollectorHeartbeat(
        CollectorHeartbeat.SCHEMA_VERSION,
        "collector-1",
        AT,
        null,
        false,
        0,
        null,
        -1,
        0,
        0,
        true,
        false,
        null,
        null,
        0);
  }

  private static TargetStatus targetUp() {
    return new TargetStatus(7, "Website", "up", 0, 3, false, null, AT, 42.5, 200, null, AT);
  }

  private static TargetStatus targetDown() {
    return new TargetStatus(
        8, null, "down", 3, 3, true, AT.minusSeconds(180), AT, null, null, "timeout", null);
  }

  private static LlmProbeReading llmReading() {
    return new LlmProbeReading(
        LlmProbeReading.SCHEMA_VERSION,
        "reading-1",
        RUN,
        MODEL,
        "llama-3-8b",
        "Llama 3 8B",
        "provider-1",
        "openai_compatible",
        "collector-1",
        AT,
        1,
        true,
        null,
        200,
        250.0,
        260.0,
        900.0,
        10.0,
        95.5,
        64,
        12,
        0,
        "usage",
        240,
        false,
        "stop",
        5_000,
        30_000);
  }

  private static LlmProbeReading failedLlmReading() {
    return new LlmProbeReading(
        LlmProbeReading.SCHEMA_VERSION,
        "reading-2",
        null,
        MODEL,
        null,
        null,
        null,
        null,
        null,
        AT,
        null,
        false,
        "HTTP 500",
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        0,
        false,
        null,
        5_000,
        30_000);
  }

  private static BenchmarkStatistics benchmarkStatistics() {
    var summary = new Summary(250.0, 300.0, 310.0, 260.0, 240.0, 320.0);
    var empty = new Summary(null, null, null, null, null, null);
    return new BenchmarkStatistics(
        RUN,
        10,
        1,
        250.0,
        300.0,
        310.0,
        90.0,
        99.0,
        99.5,
        Map.of(MODEL, new ModelStatistics(10, 1, summary, summary, summary, empty)),
        AT);
  }

  private static BenchmarkStatistics emptyStatistics() {
    return new BenchmarkStatistics(RUN, 0, 0, null, null, null, null, null, null, Map.of(), null);
  }

  private static LlmModelStatus modelUp() {
    return new LlmModelStatus(
        MODEL,
        "llama-3-8b",
        "Llama 3 8B",
        "provider-1",
        "openai_compatible",
        LlmStatus.UP,
        AT,
        AT,
        0,
        250.0,
        900.0,
        null);
  }

  private static LlmModelStatus modelUnknown() {
    return new LlmModelStatus(MODEL, null, null, null, null, null, null, null, 2, null, null, "x");
  }

  private static MotionReading motion() {
    var box = new RelativeBox(0.1, 0.2, 0.3, 0.4);
    return new MotionReading(
        "9a8b7c6d-0000-4000-8000-000000000001",
        CAMERA,
        "Porch",
        "collector-1",
        AT,
        "motion",
        "person",
        0.12,
        box,
        List.of(new CapturedFrame(AT, 640, 360, JPEG)),
        JPEG,
        "ai_description",
        30,
        List.of("person"),
        "Who is at the door?",
        List.of(new DetectedObject("person", 0.87, box), new DetectedObject("car", null, null)),
        "centernet");
  }

  private static MotionReading bareMotion() {
    return new MotionReading(
        "9a8b7c6d-0000-4000-8000-000000000002",
        CAMERA,
        null,
        null,
        AT,
        null,
        null,
        0.05,
        null,
        List.of(),
        null,
        null,
        0,
        List.of(),
        null,
        List.of(),
        null);
  }

  private static CameraEvent cameraEvent() {
    MotionReading motion = motion();
    return new CameraEvent(
        CameraEvent.idFor(motion.readingId()),
        motion.readingId(),
        CAMERA,
        "Porch",
        AT,
        "motion",
        "person",
        0.12,
        motion.box(),
        motion.frames(),
        JPEG,
        "ai_description",
        "Who is at the door?",
        List.of("person"),
        motion.objects(),
        "centernet");
  }

  private static CameraEvent bareCameraEvent() {
    return new CameraEvent(
        CameraEvent.idFor("r-2"),
        null,
        CAMERA,
        null,
        AT,
        null,
        null,
        0.0,
        null,
        List.of(),
        null,
        null,
        null,
        List.of(),
        List.of(),
        null);
  }

  private static EventDescription described() {
    return new EventDescription(
        "d-1",
        CameraEvent.idFor("r-1"),
        CAMERA,
        AT,
        EventDescription.DESCRIBED,
        "A person at the door",
        "person",
        List.of(new DetectedObject("person", null, new RelativeBox(0.1, 0.1, 0.2, 0.5))),
        "OpenAI",
        "gpt-4o-mini",
        900,
        40,
        0.0002,
        1_200L,
        List.of("OpenAI: ok"),
        null,
        "Describe the event",
        false);
  }

  private static EventDescription failedDescription() {
    return new EventDescription(
        "d-2",
        CameraEvent.idFor("r-1"),
        CAMERA,
        AT,
        EventDescription.FAILED,
        null,
        null,
        List.of(),
        null,
        null,
        null,
        null,
        null,
        null,
        List.of("OpenAI: timeout"),
        "every provider failed",
        null,
        true);
  }

  private static List<ConfigEntry> configEntries() {
    return List.of(
        ConfigEntry.of(
            new DeviceConfig(
                "ups-main",
                "Main UPS",
                "ups",
                "nut",
                "127.0.0.1",
                3493,
                true,
                inOrder("ups_name", "ups", "retries", 2),
                "collector-1")),
        ConfigEntry.of(new DeviceConfig("pdu-1", null, null, null, null, null, false, null, null)),
        ConfigEntry.of(
            new TargetConfig(
                7,
                "Website",
                "https",
                "https://example.org",
                60,
                3,
                true,
                "site-a",
                List.of(200, 204),
                "Welcome",
                true,
                true,
                14,
                null,
                null,
                10,
                60,
                AT,
                "collector-1")),
        ConfigEntry.of(
            new TargetConfig(
                8,
                "DNS",
                "dns",
                "example.org",
                60,
                3,
                true,
                null,
                List.of(),
                null,
                null,
                null,
                null,
                "A",
                "93.184.216.34",
                null,
                null,
                null,
                null)),
        ConfigEntry.of(
            new RuntimeConfig(
                5,
                List.of("prometheus"),
                false,
                false,
                "127.0.0.1",
                3493,
                "monuser",
                "secret",
                3,
                10.0,
                90.0,
                45.0)),
        ConfigEntry.of(
            new RuntimeConfig(
                5, List.of(), true, true, null, null, null, null, null, null, null, null)),
        ConfigEntry.of(
            new LlmProviderConfig(
                "provider-1",
                "openai_compatible",
                "Local",
                true,
                "http://127.0.0.1:8080/v1",
                null,
                Map.of("api_key", "v1:sealed"),
                Map.of("timeout", "30"))),
        ConfigEntry.of(
            new LlmProviderConfig(
                "provider-2", "bedrock", null, false, null, "eu-west-1", null, null)),
        ConfigEntry.of(
            new LlmModelConfig(
                MODEL, "provider-1", "llama-3-8b", "Llama", true, true, 5_000, 30_000, 64)),
        ConfigEntry.of(
            new LlmModelConfig(
                MODEL, "provider-1", "llama-3-8b", null, false, false, null, null, null)),
        ConfigEntry.of(LlmMonitoringConfig.defaults()),
        ConfigEntry.of(
            new LlmAlertRuleConfig(
                "rule-1",
                "Slow",
                LlmAlertRuleConfig.PERFORMANCE_DEGRADATION,
                MODEL,
                "llama-3-8b",
                true,
                true,
                new LlmAlertRuleConfig.PerformanceThreshold("ttft_ms", "p95", 2_000.0, 15, 5))),
        ConfigEntry.of(
            new LlmAlertRuleConfig(
                "rule-2", null, LlmAlertRuleConfig.ANY_MODEL_DOWN, null, null, true, false, null)),
        ConfigEntry.of(camera()),
        ConfigEntry.of(bareCamera()),
        ConfigEntry.of(
            new ProtectControllerConfig(
                "c0ffee00-0000-4000-8000-000000000001",
                "UNVR",
                "192.0.2.10",
                443,
                "argus",
                Map.of("password", "v1:sealed"),
                false,
                true,
                "collector-1")),
        ConfigEntry.of(
            new ProtectControllerConfig(
                "c0ffee00-0000-4000-8000-000000000002",
                null,
                "192.0.2.11",
                443,
                null,
                null,
                true,
                false,
                null)),
        ConfigEntry.of(
            new CameraAlertRuleConfig(
                "camera-rule-1",
                "People at the door",
                List.of(CAMERA),
                List.of("person"),
                true,
                true)),
        ConfigEntry.of(new CameraAlertRuleConfig("camera-rule-2", null, null, null, false, false)));
  }

  private static CameraConfig camera() {
    return new CameraConfig(
        CAMERA,
        "Porch",
        "rtsp",
        true,
        true,
        "rtsp://192.0.2.20/stream",
        "tcp",
        "http://192.0.2.20/snapshot.jpg",
        5,
        "/dev/video0",
        "viewer",
        Map.of("password", "v1:sealed"),
        2.0,
        "medium",
        30,
        List.of(
            new DetectionZone(
                "door",
                List.of(new ZonePoint(0, 0), new ZonePoint(1, 0), new ZonePoint(1, 1)),
                true)),
        new DetectionSchedule(true, List.of("mon", "tue"), "08:00", "18:00", "Europe/Berlin"),
        "ai_description",
        3,
        List.of("person"),
        "Who is it?",
        "collector-1",
        "c0ffee00-0000-4000-8000-000000000001",
        "protect-camera-1");
  }

  private static CameraConfig bareCamera() {
    return new CameraConfig(
        CAMERA,
        null,
        "usb",
        false,
        false,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        1.0,
        null,
        0,
        null,
        new DetectionSchedule(false, null, null, null, null),
        null,
        1,
        null,
        null,
        null,
        null,
        null);
  }
}
