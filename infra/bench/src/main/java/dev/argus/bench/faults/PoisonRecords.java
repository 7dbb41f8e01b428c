package dev.argus.bench.faults;

import dev.argus.contract.Topic;
import dev.argus.contract.Topics;
import dev.argus.contract.collector.CollectorHeartbeat;
import dev.argus.contract.energy.EnergyTotal;
import dev.argus.contract.events.DerivedEvent;
import dev.argus.contract.events.TargetEventType;
import dev.argus.contract.power.PowerReading;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The poison the {@code poison} scenario produces: for every topic the processor reads (its Kafka
 * Streams application and its three sink lanes; the api's consumers read {@code argus.events} and
 * {@code argus.camera.events}, which the sink reads too), malformed JSON and a value of the wrong
 * type, and where the record is versioned a number out of range and an unknown schema version;
 * beside those, identifiers too long to store, a value far beyond the dead-letter topic's size, and
 * records with a null or garbage key. Each says who must dead-letter it (the {@code
 * argus.errors.consumer} header: the Streams application id or a sink lane's group) and what its
 * reason must say, or that it is not poison at all and must be stored.
 */
final class PoisonRecords {

  /** The Streams application ({@code argus.streams.application-id}). */
  static final String STREAMS = "argus-processor";

  /** The sink lanes' consumer groups ({@code SinkLane}: readings, events, camera). */
  static final String SINK = "argus-sink";

  static final String SINK_EVENTS = "argus-sink-events";
  static final String SINK_CAMERA = "argus-sink-camera";

  /** What the processor accepts as an identifier it stores under (an index entry). */
  static final int LONG_ID = 8_000;

  /** Beyond the dead-letter topic's 1 MB, within the camera topic's 8 MB. */
  static final int HUGE_VALUE_BYTES = 2 * 1024 * 1024;

  /**
   * One poison record.
   *
   * @param name what it is, for the results ("argus.readings.power: malformed JSON")
   * @param deadLetteredBy the consumers that must dead-letter it; empty when it must be stored
   * @param reason what the dead letter's reason ({@code __streams.errors.message}) must contain
   * @param storedDeviceId for a record that must be stored: the device whose snapshot shows it
   */
  record Poison(
      String name,
      String topic,
      byte[] key,
      byte[] value,
      Set<String> deadLetteredBy,
      String reason,
      String storedDeviceId) {

    boolean mustBeStored() {
      return deadLetteredBy.isEmpty();
    }
  }

  private record Input(Topic<String, ?> topic, Set<String> consumers, byte[] versioned) {}

  private PoisonRecords() {}

  /**
   * Every poison of one run; ids start with {@code prefix} so that nothing of them meets the load.
   */
  static List<Poison> all(String prefix, Instant at) {
    List<Poison> poison = new ArrayList<>();
    for (Input input : inputs(prefix, at)) {
      String topic = input.topic().name();
      byte[] key = utf8(prefix + "-poison");
      poison.add(
          new Poison(
              topic + ": malformed JSON",
              topic,
              key,
              utf8("{\"schema_version\": 1, \"device_id\": \"" + prefix + "\", \"time"),
              input.consumers(),
              "Malformed",
              null));
      poison.add(
          new Poison(
              topic + ": wrong type (an array for the record)",
              topic,
              key,
              utf8("[1, \"two\", 3.0]"),
              input.consumers(),
              "Array",
              null));
      if (input.versioned() != null) {
        poison.add(
            new Poison(
                topic + ": number out of range (schema_version 2^70)",
                topic,
                key,
                utf8("{\"schema_version\": 1180591620717411303424}"),
                input.consumers(),
                "out of range",
                null));
        poison.add(
            new Poison(
                topic + ": unknown schema_version 999",
                topic,
                key,
                withVersion(input.versioned(), 999),
                input.consumers(),
                "Unknown schema_version 999",
                null));
      }
    }
    String longId = prefix + "-" + randomText(LONG_ID, 14);
    poison.add(
        new Poison(
            Topics.READINGS_POWER.name() + ": device_id of " + LONG_ID + " characters",
            Topics.READINGS_POWER.name(),
            utf8(prefix + "-long"),
            replaced(
                serialize(Topics.READINGS_POWER, reading(prefix + "-long", at)),
                prefix + "-long",
                longId),
            Set.of(STREAMS, SINK),
            "device_id",
            null));
    poison.add(
        new Poison(
            Topics.COLLECTOR_STATUS.name() + ": collector_id of " + LONG_ID + " characters",
            Topics.COLLECTOR_STATUS.name(),
            utf8(prefix + "-long"),
            replaced(
                serialize(Topics.COLLECTOR_STATUS, heartbeat(prefix + "-long", at)),
                prefix + "-long",
                longId),
            Set.of(SINK_EVENTS),
            "collector_id",
            null));
    byte[] huge = new byte[HUGE_VALUE_BYTES];
    Arrays.fill(huge, (byte) '{');
    poison.add(
        new Poison(
            Topics.READINGS_CAMERA.name() + ": " + HUGE_VALUE_BYTES + " bytes of '{'",
            Topics.READINGS_CAMERA.name(),
            utf8(prefix + "-huge"),
            huge,
            Set.of(STREAMS),
            "Malformed",
            null));
    poison.add(
        new Poison(
            Topics.READINGS_POWER.name() + ": null key, unreadable value",
            Topics.READINGS_POWER.name(),
            null,
            utf8("not json at all"),
            Set.of(STREAMS, SINK),
            "Malformed",
            null));
    String nullKeyDevice = prefix + "-null-key";
    poison.add(
        new Poison(
            Topics.READINGS_POWER.name() + ": null key, valid reading (stored by its device_id)",
            Topics.READINGS_POWER.name(),
            null,
            serialize(Topics.READINGS_POWER, reading(nullKeyDevice, at)),
            Set.of(),
            null,
            nullKeyDevice));
    String garbageKeyDevice = prefix + "-garbage-key";
    byte[] garbageKey = new byte[512];
    new Random(7).nextBytes(garbageKey);
    poison.add(
        new Poison(
            Topics.READINGS_POWER.name()
                + ": 512 random bytes as key, valid reading (stored by its device_id)",
            Topics.READINGS_POWER.name(),
            garbageKey,
            serialize(Topics.READINGS_POWER, reading(garbageKeyDevice, at)),
            Set.of(),
            null,
            garbageKeyDevice));
    return poison;
  }

  /** Every input topic of the processor, who reads it, and a valid record when it is versioned. */
  private static List<Input> inputs(String prefix, Instant at) {
    long target = 9_000_000_000_000L + at.getEpochSecond() % 1_000_000;
    return List.of(
        new Input(
            Topics.READINGS_POWER,
            Set.of(STREAMS, SINK),
            serialize(Topics.READINGS_POWER, reading(prefix + "-version", at))),
        new Input(
            Topics.READINGS_PROBE,
            Set.of(STREAMS, SINK),
            serialize(
                Topics.READINGS_PROBE, new MixedKinds(prefix, 1, 1, 1, target).probe(0, at, 0))),
        new Input(
            Topics.READINGS_LLM,
            Set.of(STREAMS, SINK),
            serialize(
                Topics.READINGS_LLM, new MixedKinds(prefix, 1, 1, 1, 0).llmReading(0, at, 0))),
        new Input(Topics.LLM_BENCHMARK, Set.of(STREAMS, SINK), null),
        new Input(Topics.READINGS_CAMERA, Set.of(STREAMS), null),
        new Input(Topics.CAMERA_STATUS, Set.of(STREAMS, SINK_CAMERA), null),
        new Input(
            Topics.ENERGY,
            Set.of(SINK),
            serialize(
                Topics.ENERGY,
                new EnergyTotal(
                    EnergyTotal.SCHEMA_VERSION,
                    prefix + "-version",
                    at,
                    1.0,
                    at.atZone(ZoneOffset.UTC).toLocalDate(),
                    1.0,
                    100.0,
                    0))),
        new Input(
            Topics.EVENTS,
            Set.of(SINK_EVENTS),
            serialize(
                Topics.EVENTS,
                DerivedEvent.target(target, TargetEventType.THRESHOLD_REACHED, at, Map.of()))),
        new Input(Topics.TARGET_STATUS, Set.of(SINK_EVENTS), null),
        new Input(
            Topics.COLLECTOR_STATUS,
            Set.of(SINK_EVENTS),
            serialize(Topics.COLLECTOR_STATUS, heartbeat(prefix + "-version", at))),
        new Input(Topics.LLM_STATUS, Set.of(SINK_EVENTS), null),
        new Input(Topics.LLM_BENCHMARK_STATS, Set.of(SINK_EVENTS), null),
        new Input(Topics.CAMERA_EVENTS, Set.of(SINK_CAMERA), null),
        new Input(Topics.CAMERA_DESCRIPTIONS, Set.of(SINK_CAMERA), null),
        new Input(Topics.PROTECT_STATUS, Set.of(SINK_CAMERA), null));
  }

  /** The topics poison goes to, in order, for the results. */
  static List<String> topics(List<Poison> poison) {
    return poison.stream().map(Poison::topic).distinct().toList();
  }

  private static PowerReading reading(String deviceId, Instant at) {
    return PowerReading.failedPoll(
        deviceId, "ups", "nut", null, "127.0.0.1", 3493, "argus-bench", at, 3600, "poison");
  }

  private static CollectorHeartbeat heartbeat(String collectorId, Instant at) {
    return new CollectorHeartbeat(
        CollectorHeartbeat.SCHEMA_VERSION, collectorId, at, at, true, 0, null, -1, 0, 0);
  }

  static byte[] withVersion(byte[] json, int version) {
    String text = new String(json, StandardCharsets.UTF_8);
    String replaced = text.replaceFirst("\"schema_version\":\\d+", "\"schema_version\":" + version);
    if (replaced.equals(text)) {
      throw new IllegalArgumentException("no schema_version in " + text);
    }
    return utf8(replaced);
  }

  /** The JSON with a string value replaced: the contract would not build the record itself. */
  private static byte[] replaced(byte[] json, String value, String replacement) {
    String text = new String(json, StandardCharsets.UTF_8);
    return utf8(text.replace("\"" + value + "\"", "\"" + replacement + "\""));
  }

  private static <V> byte[] serialize(Topic<String, V> topic, V value) {
    return topic.valueSerde().serializer().serialize(topic.name(), value);
  }

  /** Letters and digits that do not compress: an index entry of it is as long as the text. */
  private static String randomText(int length, long seed) {
    String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    Random random = new Random(seed);
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return text.toString();
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
