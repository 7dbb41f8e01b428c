package dev.argus.processor.sink;

import dev.argus.contract.Topics;
import dev.argus.contract.camera.CameraEventType;
import dev.argus.contract.collector.CollectorHeartbeat;
import dev.argus.contract.energy.EnergyTotal;
import dev.argus.contract.events.DerivedEvent;
import dev.argus.contract.power.PowerReading;
import dev.argus.contract.probe.ProbeResult;
import dev.argus.contract.probe.TargetStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a poll's raw records with the contract's serdes, one by one, so that a record that cannot
 * be read, or could never be stored, is set aside as malformed instead of failing the batch. Every
 * check the database would otherwise fail on deterministically is made here: such a record would
 * make the sink retry the same batch forever.
 */
final class SinkBatchDecoder {

  private static final Logger log = LoggerFactory.getLogger(SinkBatchDecoder.class);

  // PostgreSQL's timestamptz reaches further, but pgjdbc and ISO-8601 agree on these years.
  private static final Instant EARLIEST_STORABLE = Instant.parse("0001-01-01T00:00:00Z");
  private static final Instant LATEST_STORABLE = Instant.parse("9999-12-31T23:59:59Z");
  private static final LocalDate EARLIEST_STORABLE_DAY = LocalDate.of(1, 1, 1);
  private static final LocalDate LATEST_STORABLE_DAY = LocalDate.of(9999, 12, 31);

  private final Deserializer<PowerReading> readings =
      Topics.READINGS_POWER.valueSerde().deserializer();
  private final Deserializer<DerivedEvent> events = Topics.EVENTS.valueSerde().deserializer();
  private final Deserializer<CollectorHeartbeat> heartbeats =
      Topics.COLLECTOR_STATUS.valueSerde().deserializer();
  private final Deserializer<EnergyTotal> energyTotals = Topics.ENERGY.valueSerde().deserializer();
  private final Deserializer<ProbeResult> probeResults =
      Topics.READINGS_PROBE.valueSerde().deserializer();
  private final Deserializer<TargetStatus> targetStatuses =
      Topics.TARGET_STATUS.valueSerde().deserializer();

  SinkBatch decode(ConsumerRecords<byte[], byte[]> records) {
    List<PowerReading> decodedReadings = new ArrayList<>();
    List<DerivedEvent> decodedEvents = new ArrayList<>();
    List<CollectorHeartbeat> decodedHeartbeats = new ArrayList<>();
    List<EnergyTotal> decodedEnergyTotals = new ArrayList<>();
    List<ProbeResult> decodedProbeResults = new ArrayList<>();
    List<TargetStatus> decodedTargetStatuses = new ArrayList<>();
    List<DerivedEvent> decodedTargetEvents = new ArrayList<>();
    LlmRecordDecoder llm = new LlmRecordDecoder();
    CameraRecordDecoder camera = new CameraRecordDecoder();
    List<MalformedRecord> malformed = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> record : records) {
      if (record.value() == null) {
        // A tombstone, e.g. compaction of a removed collector's status: nothing to store.
        continue;
      }
      try {
        String topic = record.topic();
        if (topic.equals(Topics.READINGS_POWER.name())) {
          decodedReadings.add(reading(record));
        } else if (topic.equals(Topics.EVENTS.name())) {
          DerivedEvent event = event(record);
          if (DerivedEvent.SOURCE_POWER.equals(event.source())) {
            decodedEvents.add(event);
          } else if (DerivedEvent.SOURCE_TARGET.equals(event.source())) {
            requireTargetId("subject_id", event.subjectId());
            decodedTargetEvents.add(event);
          } else if (DerivedEvent.SOURCE_LLM.equals(event.source())) {
            llm.addAlertEvent(event);
          } else if (DerivedEvent.SOURCE_CAMERA.equals(event.source())
              && CameraEventType.CAMERA_DETECTION.wireName().equals(event.eventType())) {
            // camera_offline / camera_online are delivered by the api from the topic, not stored.
            camera.addAlertEvent(event);
          }
        } else if (topic.equals(Topics.COLLECTOR_STATUS.name())) {
          decodedHeartbeats.add(heartbeat(record));
        } else if (topic.equals(Topics.ENERGY.name())) {
          decodedEnergyTotals.add(energyTotal(record));
        } else if (topic.equals(Topics.READINGS_PROBE.name())) {
          decodedProbeResults.add(probeResult(record));
        } else if (topic.equals(Topics.TARGET_STATUS.name())) {
          decodedTargetStatuses.add(targetStatus(record));
        } else if (LlmRecordDecoder.reads(topic)) {
          llm.add(record);
        } else if (CameraRecordDecoder.reads(topic)) {
          camera.add(record);
        }
      } catch (RuntimeException e) {
        log.warn(
            "Malformed record {}-{}@{} will be dead-lettered: {}",
            record.topic(),
            record.partition(),
            record.offset(),
            e.getMessage());
        malformed.add(new MalformedRecord(record, e));
      }
    }
    return new SinkBatch(
        decodedReadings,
        decodedEvents,
        decodedHeartbeats,
        decodedEnergyTotals,
        decodedProbeResults,
        decodedTargetStatuses,
        decodedTargetEvents,
        llm.records(),
        camera.records(),
        malformed,
        firstOffsets(records),
        records.nextOffsets(),
        records.count());
  }

  private PowerReading reading(ConsumerRecord<byte[], byte[]> record) {
    PowerReading reading = readings.deserialize(record.topic(), record.headers(), record.value());
    requireStorable("timestamp", reading.timestamp());
    return reading;
  }

  private DerivedEvent event(ConsumerRecord<byte[], byte[]> record) {
    DerivedEvent event = events.deserialize(record.topic(), record.headers(), record.value());
    if (event.eventId() == null) {
      throw new IllegalArgumentException("event_id is required");
    }
    try {
      UUID.fromString(event.eventId());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("event_id is not a UUID: " + event.eventId(), e);
    }
    requireStorable("timestamp", event.timestamp());
    return event;
  }

  private CollectorHeartbeat heartbeat(ConsumerRecord<byte[], byte[]> record) {
    CollectorHeartbeat heartbeat =
        heartbeats.deserialize(record.topic(), record.headers(), record.value());
    requireStorable("timestamp", heartbeat.timestamp());
    requireStorable("started_at", heartbeat.startedAt());
    requireStorable("last_cycle_started_at", heartbeat.lastCycleStartedAt());
    return heartbeat;
  }

  private EnergyTotal energyTotal(ConsumerRecord<byte[], byte[]> record) {
    EnergyTotal total = energyTotals.deserialize(record.topic(), record.headers(), record.value());
    requireStorable("as_of", total.asOf());
    if (total.day().isBefore(EARLIEST_STORABLE_DAY) || total.day().isAfter(LATEST_STORABLE_DAY)) {
      throw new IllegalArgumentException("day is out of range: " + total.day());
    }
    if (total.lastPowerWatts() != null && !Double.isFinite(total.lastPowerWatts())) {
      throw new IllegalArgumentException(
          "last_power_watts is not finite: " + total.lastPowerWatts());
    }
    return total;
  }

  private ProbeResult probeResult(ConsumerRecord<byte[], byte[]> record) {
    ProbeResult result = probeResults.deserialize(record.topic(), record.headers(), record.value());
    requireStorable("timestamp", result.timestamp());
    requireStorable("cert_expires_at", result.certExpiresAt());
    return result;
  }

  private TargetStatus targetStatus(ConsumerRecord<byte[], byte[]> record) {
    TargetStatus status =
        targetStatuses.deserialize(record.topic(), record.headers(), record.value());
    if (!"up".equals(status.status()) && !"down".equals(status.status())) {
      throw new IllegalArgumentException("status must be up or down, was " + status.status());
    }
    if (status.lastCheckedAt() == null) {
      throw new IllegalArgumentException("last_checked_at is required");
    }
    requireStorable("last_checked_at", status.lastCheckedAt());
    requireStorable("streak_started_at", status.streakStartedAt());
    requireStorable("cert_expires_at", status.certExpiresAt());
    return status;
  }

  /** Target events are stored under the target's numeric id ({@code target_events.target_id}). */
  private static void requireTargetId(String field, String value) {
    try {
      Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(field + " of a target event is not a target id: " + value);
    }
  }

  private static void requireStorable(String field, Instant value) {
    if (value != null && (value.isBefore(EARLIEST_STORABLE) || value.isAfter(LATEST_STORABLE))) {
      throw new IllegalArgumentException(field + " is out of range: " + value);
    }
  }

  private static Map<TopicPartition, Long> firstOffsets(ConsumerRecords<byte[], byte[]> records) {
    Map<TopicPartition, Long> first = new HashMap<>();
    for (TopicPartition partition : records.partitions()) {
      first.put(partition, records.records(partition).getFirst().offset());
    }
    return first;
  }
}
