package dev.argus.processor.topology;

import dev.argus.contract.power.PowerReading;
import dev.argus.processor.camera.CameraSettings;
import dev.argus.processor.camera.CameraTopology;
import dev.argus.processor.energy.EnergySettings;
import dev.argus.processor.energy.EnergyTopology;
import dev.argus.processor.llm.LlmSettings;
import dev.argus.processor.llm.LlmTopology;
import dev.argus.processor.power.PowerEventSettings;
import dev.argus.processor.power.PowerEventsTopology;
import dev.argus.processor.targets.TargetAlertSettings;
import dev.argus.processor.targets.TargetAlertsTopology;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;

/**
 * The processor's one Streams topology: {@code argus.readings.power} read once and fed to both
 * {@link PowerEventsTopology} (→ {@code argus.events}) and {@link EnergyTopology} (→ {@code
 * argus.energy}), and {@code argus.readings.probe} fed to {@link TargetAlertsTopology} (→ {@code
 * argus.target.status} and {@code argus.events}), and {@code argus.readings.llm} with {@code
 * argus.llm.benchmark} to {@link LlmTopology} (→ {@code argus.llm.status}, {@code
 * argus.llm.benchmark.stats} and {@code argus.events}), and {@code argus.readings.camera} with
 * {@code argus.camera.status} to {@link CameraTopology} (→ {@code argus.camera.events} and {@code
 * argus.events}). {@code argus.config} is materialized once, as the power topology's global table,
 * and the LLM and camera alert rules read the same table. One application means each reading is
 * read, and a malformed one dead-lettered, once, and one exactly-once transaction covers every
 * output. The state stores keep the names they have on their own, so their changelogs do not depend
 * on how the topologies are combined.
 *
 * <p>A pure builder, like the ones it combines.
 */
public final class ProcessorTopology {

  private final PowerEventSettings power;
  private final EnergySettings energy;
  private final TargetAlertSettings targets;
  private final LlmSettings llm;
  private final CameraSettings cameras;

  public ProcessorTopology(
      PowerEventSettings power,
      EnergySettings energy,
      TargetAlertSettings targets,
      LlmSettings llm,
      CameraSettings cameras) {
    if (!power.readings().name().equals(energy.readings().name())) {
      throw new IllegalArgumentException(
          "Power events and energy must read the same topic, not "
              + power.readings().name()
              + " and "
              + energy.readings().name());
    }
    this.power = power;
    this.energy = energy;
    if (!power.config().name().equals(llm.config().name())) {
      throw new IllegalArgumentException(
          "Power events and LLM alerts must read the same config topic, not "
              + power.config().name()
              + " and "
              + llm.config().name());
    }
    if (!power.config().name().equals(cameras.config().name())) {
      throw new IllegalArgumentException(
          "Power events and camera alerts must read the same config topic, not "
              + power.config().name()
              + " and "
              + cameras.config().name());
    }
    this.targets = targets;
    this.llm = llm;
    this.cameras = cameras;
  }

  public Topology build() {
    StreamsBuilder builder = new StreamsBuilder();
    KStream<String, PowerReading> readings =
        builder.stream(
            power.readings().name(),
            Consumed.with(power.readings().keySerde(), power.readings().valueSerde()));
    new PowerEventsTopology(power).addTo(builder, readings);
    new EnergyTopology(energy).addTo(builder, readings);
    new TargetAlertsTopology(targets).addTo(builder);
    new LlmTopology(llm).addTo(builder, PowerEventsTopology.CONFIG_STORE);
    new CameraTopology(cameras).addTo(builder, PowerEventsTopology.CONFIG_STORE);
    return builder.build();
  }
}
