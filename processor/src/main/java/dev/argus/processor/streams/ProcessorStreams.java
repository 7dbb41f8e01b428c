package dev.argus.processor.streams;

import dev.argus.contract.kafka.KafkaSettings;
import dev.argus.processor.camera.CameraSettings;
import dev.argus.processor.energy.EnergySettings;
import dev.argus.processor.llm.LlmSettings;
import dev.argus.processor.power.PowerEventSettings;
import dev.argus.processor.system.GroupMembership;
import dev.argus.processor.system.metrics.DeadLetterCount;
import dev.argus.processor.targets.TargetAlertSettings;
import dev.argus.processor.topology.ProcessorTopology;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the {@link ProcessorTopology} (power events, energy, target alerts, LLM monitoring and
 * cameras) for the life of the service: started once the context is up (the topics exist by then),
 * closed on shutdown so the last transaction is committed and the state directory is released.
 */
@Component
public class ProcessorStreams implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ProcessorStreams.class);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private final PowerEventSettings power;
  private final EnergySettings energy;
  private final TargetAlertSettings targets;
  private final CameraSettings cameras;
  private final Properties streamsConfig;
  private final AtomicLong malformedRecords = new AtomicLong();
  private final MeterRegistry registry;
  private volatile KafkaStreams streams;
  private KafkaStreamsMetrics streamsMetrics;

  public ProcessorStreams(
      PowerEventProperties thresholds,
      EnergyProperties energy,
      TargetAlertProperties targets,
      CameraProperties cameras,
      StreamsProperties streams,
      KafkaSettings kafka,
      GroupMembership membership,
      MeterRegistry registry,
      DeadLetterCount deadLetters) {
    this.registry = registry;
    this.power = thresholds.toSettings();
    this.energy = energy.toSettings();
    this.targets = targets.toSettings();
    this.cameras = cameras.toSettings();
    this.streamsConfig =
        StreamsRuntimeConfig.properties(
            kafka.bootstrapServers(),
            kafka.replicationFactor(),
            streams,
            membership,
            malformedRecords,
            deadLetters);
  }

  @Override
  public synchronized void start() {
    Topology topology =
        new ProcessorTopology(power, energy, targets, LlmSettings.defaults(), cameras).build();
    log.debug("Processor topology: {}", topology.describe());
    KafkaStreams started = new KafkaStreams(topology, streamsConfig);
    started.setStateListener(
        (newState, oldState) -> log.info("Processor streams: {} -> {}", oldState, newState));
    started.setUncaughtExceptionHandler(
        e -> {
          // Processing and deserialization errors are already skipped by the handlers; what
          // reaches here is infrastructure (e.g. a fenced producer), which a new thread recovers.
          log.error("Processor stream thread failed, replacing it", e);
          return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
    started.start();
    streams = started;
    // The Streams client's own metrics (kafka_stream_*: commit latency, process rate, ...).
    streamsMetrics = new KafkaStreamsMetrics(started);
    streamsMetrics.bindTo(registry);
    log.info(
        "Power events, energy, target alerts, LLM and camera topology started (environment"
            + " thresholds: floor {} %, offline after {} missed polls, battery low default {} %,"
            + " load limit {} %, temperature limit {} C; energy max gap {}; target alert repeat"
            + " {}; Protect motion hold {})",
        power.shutdownBatteryFloorPct(),
        power.deviceOfflineMissedPolls(),
        power.defaultBatteryLowPct(),
        power.loadLimitPct(),
        power.temperatureLimitC(),
        energy.maxGap(),
        targets.defaultAlertRepeat(),
        cameras.protectMotionHold());
  }

  @Override
  public synchronized void stop() {
    KafkaStreams running = streams;
    if (running != null) {
      streamsMetrics.close();
      running.close(CLOSE_TIMEOUT);
      streams = null;
      log.info("Processor topology closed; {} malformed records skipped", malformedRecords);
    }
  }

  @Override
  public boolean isRunning() {
    return streams != null;
  }

  /** Records skipped because they could not be read, since start-up. */
  public long malformedRecords() {
    return malformedRecords.get();
  }

  /** The Streams client's state, for health checks and tests; null when not running. */
  public KafkaStreams.State state() {
    KafkaStreams running = streams;
    return running == null ? null : running.state();
  }
}
