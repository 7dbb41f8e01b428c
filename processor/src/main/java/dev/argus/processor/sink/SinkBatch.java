package dev.argus.processor.sink;

import dev.argus.contract.collector.CollectorHeartbeat;
import dev.argus.contract.energy.EnergyTotal;
import dev.argus.contract.events.DerivedEvent;
import dev.argus.contract.power.PowerReading;
import dev.argus.contract.probe.ProbeResult;
import dev.argus.contract.probe.TargetStatus;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * One poll's records, decoded and sorted by destination, with the offsets to rewind to if the write
 * fails and to commit once it succeeds.
 *
 * @param events power events (to {@code power_events})
 * @param targetEvents uptime-target events (to {@code target_events}); events of other sources are
 *     not stored by this sink
 * @param llm the LLM topics' records and the events of source {@code llm}
 * @param camera the camera topics' records
 * @param firstOffsets per partition, the offset of the batch's first record
 * @param nextOffsets per partition, the position after the batch
 */
record SinkBatch(
    List<PowerReading> readings,
    List<DerivedEvent> events,
    List<CollectorHeartbeat> heartbeats,
    List<EnergyTotal> energyTotals,
    List<ProbeResult> probeResults,
    List<TargetStatus> targetStatuses,
    List<DerivedEvent> targetEvents,
    LlmRecords llm,
    CameraRecords camera,
    List<MalformedRecord> malformed,
    Map<TopicPartition, Long> firstOffsets,
    Map<TopicPartition, OffsetAndMetadata> nextOffsets,
    int recordCount) {}
