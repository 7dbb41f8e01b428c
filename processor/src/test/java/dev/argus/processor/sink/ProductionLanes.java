package dev.argus.processor.sink;

import dev.argus.contract.kafka.KafkaSettings;
import dev.argus.processor.testing.TestKafka;
import java.util.List;
import java.util.function.ToLongFunction;
import javax.sql.DataSource;

/**
 * The sink as the service runs it ({@link SinkConfiguration}): a {@link TelemetrySink} for each
 * lane (readings, events, cameras), under the consumer groups production derives from the
 * configured one, sharing one schema migration. Counters are summed over the lanes.
 */
final class ProductionLanes {

  private final List<SinkLane> lanes;
  private final List<TelemetrySink> sinks;

  private ProductionLanes(List<SinkLane> lanes, List<TelemetrySink> sinks) {
    this.lanes = lanes;
    this.sinks = sinks;
  }

  static ProductionLanes start(
      KafkaSettings kafka, SinkProperties settings, DataSource dataSource) {
    var schema = new SchemaOnce(dataSource);
    List<SinkLane> lanes = SinkLane.all(settings.groupId());
    List<TelemetrySink> sinks =
        lanes.stream()
            .map(lane -> new TelemetrySink(kafka, settings, dataSource, lane, schema))
            .toList();
    sinks.forEach(TelemetrySink::start);
    return new ProductionLanes(lanes, sinks);
  }

  void stop() {
    sinks.forEach(TelemetrySink::stop);
  }

  /** The consumer groups of the lanes, as the dead letters they send name them. */
  List<String> groupIds() {
    return lanes.stream().map(SinkLane::groupId).toList();
  }

  /** Whether every lane has stored everything there is on those of the topics it consumes. */
  boolean caughtUp(TestKafka kafka, List<String> topics) {
    return lanes.stream()
        .allMatch(
            lane -> {
              List<String> consumed = topics.stream().filter(lane.topics()::contains).toList();
              return consumed.isEmpty() || kafka.caughtUp(lane.groupId(), consumed);
            });
  }

  Counters counters() {
    return new Counters();
  }

  /** The {@link SinkCounters} the tests read, summed over the lanes. */
  final class Counters {

    long snapshotRows() {
      return sum(SinkCounters::snapshotRows);
    }

    long energyTotalRows() {
      return sum(SinkCounters::energyTotalRows);
    }

    long probeResultRows() {
      return sum(SinkCounters::probeResultRows);
    }

    long targetEventRows() {
      return sum(SinkCounters::targetEventRows);
    }

    long llmRows() {
      return sum(SinkCounters::llmRows);
    }

    long cameraRows() {
      return sum(SinkCounters::cameraRows);
    }

    long malformedRecords() {
      return sum(SinkCounters::malformedRecords);
    }

    long retriedBatches() {
      return sum(SinkCounters::retriedBatches);
    }

    long schemaRetries() {
      return sum(SinkCounters::schemaRetries);
    }

    long diskFullRetries() {
      return sum(SinkCounters::diskFullRetries);
    }

    private long sum(ToLongFunction<SinkCounters> counter) {
      return sinks.stream().map(TelemetrySink::counters).mapToLong(counter).sum();
    }
  }
}
