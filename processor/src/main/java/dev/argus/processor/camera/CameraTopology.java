package dev.argus.processor.camera;

import dev.argus.contract.JsonSerde;
import dev.argus.contract.Topics;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Derives camera events from motion readings, alerts from camera alert rules, and availability
 * events from camera status.
 *
 * <ul>
 *   <li>Input: {@code argus.readings.camera} (key: camera UUID, value: {@code MotionReading}, with
 *       its frames: up to {@code Topics.CAMERA_MAX_MESSAGE_BYTES}; source {@code motion} from a
 *       collector's own detection, or {@code protect} from a UniFi Protect controller). Each
 *       reading carries the camera's cooldown and smart detection types as the collector knew them.
 *       {@code argus.camera.status} (key: camera UUID, value: {@code CameraStatus}), compacted. The
 *       camera alert rules ({@code camera-rule/...}) of the compacted {@code argus.config}, read
 *       from a global table of raw bytes (shared with the power and LLM topologies when they are
 *       composed).
 *   <li>Output: {@code argus.camera.events} (key: camera UUID, value: {@code CameraEvent} named
 *       {@code CameraEvent.idFor(reading id)}, with the reading's frames and thumbnail), and {@code
 *       argus.events} (key: camera UUID, value: {@code DerivedEvent} with source {@code camera}):
 *       camera_offline, camera_online, and camera_detection for each enabled alert rule a raised
 *       event matches.
 *   <li>State: the persistent key-value stores {@value #MOTION_STATE_STORE} (per camera: the last
 *       event's time and the ids of the readings of the last events, bounded), {@value
 *       #HELD_MOTION_STORE} (Protect pure-motion readings held for a moment, with their frames: the
 *       store's changelog accepts records of camera size) and {@value #STATUS_STATE_STORE} (per
 *       camera: the newest state and whether camera_offline is open), JSON, changelogged. No
 *       windows and no grace.
 *   <li>Time: the cooldown and the Protect hold are judged on reading time, events carry the
 *       reading's and the status's time. One wall-clock punctuator releases a held Protect motion
 *       no smart detection hid once {@code protectMotionHold} has passed since it arrived (see
 *       {@link MotionProcessor} for why not stream time).
 * </ul>
 *
 * <p>The rules live in {@link MotionRules}, {@link ProtectMotionHold}, {@link CameraAlertEvents}
 * and {@link CameraStatusRules}; this class only wires them to topics and state. A pure builder.
 */
public final class CameraTopology {

  public static final String MOTION_STATE_STORE = "camera-motion-state";
  public static final String STATUS_STATE_STORE = "camera-status-state";
  public static final String HELD_MOTION_STORE = "camera-held-motion";

  /** The global config table this topology builds when it runs alone. */
  public static final String CONFIG_STORE = "config-global";

  private final CameraSettings settings;

  public CameraTopology(CameraSettings settings) {
    this.settings = settings;
  }

  /** This topology alone, with its own global table of {@code argus.config}. */
  public Topology build() {
    StreamsBuilder builder = new StreamsBuilder();
    // Raw bytes, as the power topology's: the global thread never fails on a record it cannot
    // read; the rules view decodes each entry and leaves out one that cannot be read.
    builder.globalTable(
        settings.config().name(),
        Consumed.with(settings.config().keySerde(), Serdes.ByteArray()),
        Materialized.<String, byte[]>as(Stores.inMemoryKeyValueStore(CONFIG_STORE))
            .withKeySerde(settings.config().keySerde())
            .withValueSerde(Serdes.ByteArray()));
    addTo(builder, CONFIG_STORE);
    return builder.build();
  }

  /**
   * Adds both sources, the rules and both outputs to a builder that already materializes {@code
   * argus.config} as the global table {@code configStore} (raw bytes); a topic can have only one
   * source in a topology.
   */
  public void addTo(StreamsBuilder builder, String configStore) {
    builder.addStateStore(store(MOTION_STATE_STORE, MotionState.class));
    builder.addStateStore(store(STATUS_STATE_STORE, CameraStatusState.class));
    // A held reading keeps its frames until it is released: its changelog takes camera records.
    builder.addStateStore(
        store(HELD_MOTION_STORE, HeldMotion.class)
            .withLoggingEnabled(
                Map.of(
                    TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
                    Integer.toString(Topics.CAMERA_MAX_MESSAGE_BYTES))));
    var readings = settings.readings();
    // Raised events stay inside this sub-topology (no repartition), so they need no serde.
    KStream<String, RaisedEvent> raised =
        builder.stream(readings.name(), Consumed.with(readings.keySerde(), readings.valueSerde()))
            .process(
                () -> new MotionProcessor(settings, configStore),
                MOTION_STATE_STORE,
                HELD_MOTION_STORE);
    raised
        .mapValues(RaisedEvent::event)
        .to(
            settings.cameraEvents().name(),
            Produced.with(
                settings.cameraEvents().keySerde(), settings.cameraEvents().valueSerde()));
    raised
        .flatMapValues(RaisedEvent::alerts)
        .to(
            settings.events().name(),
            Produced.with(settings.events().keySerde(), settings.events().valueSerde()));
    var statuses = settings.statuses();
    builder.stream(statuses.name(), Consumed.with(statuses.keySerde(), statuses.valueSerde()))
        .process(CameraStatusProcessor::new, STATUS_STATE_STORE)
        .to(
            settings.events().name(),
            Produced.with(settings.events().keySerde(), settings.events().valueSerde()));
  }

  private static <T> StoreBuilder<KeyValueStore<String, T>> store(String name, Class<T> type) {
    return Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(name), Serdes.String(), JsonSerde.of(type));
  }
}
