package dev.argus.processor.camera;

import dev.argus.contract.JsonSerde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Derives camera events from motion readings, and availability events from camera status.
 *
 * <ul>
 *   <li>Input: {@code argus.readings.camera} (key: camera UUID, value: {@code MotionReading}, with
 *       its frames: up to {@code Topics.CAMERA_MAX_MESSAGE_BYTES}). Each reading carries the
 *       camera's cooldown and smart detection types as the collector knew them, so no other view of
 *       the configuration is needed. {@code argus.camera.status} (key: camera UUID, value: {@code
 *       CameraStatus}), compacted.
 *   <li>Output: {@code argus.camera.events} (key: camera UUID, value: {@code CameraEvent} named
 *       {@code CameraEvent.idFor(reading id)}, with the reading's frames and thumbnail), and {@code
 *       argus.events} (key: camera UUID, value: {@code DerivedEvent} with source {@code camera}):
 *       camera_offline, camera_online.
 *   <li>State: the persistent key-value stores {@value #MOTION_STATE_STORE} (per camera: the last
 *       event's time and the ids of the readings of the last events, bounded) and {@value
 *       #STATUS_STATE_STORE} (per camera: the newest state and whether camera_offline is open),
 *       JSON, changelogged. Frames never enter a store. No windows and no grace.
 *   <li>Time: the cooldown is judged on reading time, events carry the reading's and the status's
 *       time; there is no punctuation and no wall clock.
 * </ul>
 *
 * <p>The rules live in {@link MotionRules} and {@link CameraStatusRules}; this class only wires
 * them to topics and state. A pure builder.
 */
public final class CameraTopology {

  public static final String MOTION_STATE_STORE = "camera-motion-state";
  public static final String STATUS_STATE_STORE = "camera-status-state";

  private final CameraSettings settings;

  public CameraTopology(CameraSettings settings) {
    this.settings = settings;
  }

  /** This topology alone. */
  public Topology build() {
    StreamsBuilder builder = new StreamsBuilder();
    addTo(builder);
    return builder.build();
  }

  /** Adds both sources, the rules and both outputs to a builder. */
  public void addTo(StreamsBuilder builder) {
    builder.addStateStore(store(MOTION_STATE_STORE, MotionState.class));
    builder.addStateStore(store(STATUS_STATE_STORE, CameraStatusState.class));
    var readings = settings.readings();
    var rules = new MotionRules(settings);
    builder.stream(readings.name(), Consumed.with(readings.keySerde(), readings.valueSerde()))
        .process(() -> new MotionProcessor(rules), MOTION_STATE_STORE)
        .to(
            settings.cameraEvents().name(),
            Produced.with(
                settings.cameraEvents().keySerde(), settings.cameraEvents().valueSerde()));
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
