package dev.argus.processor.streams;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.util.unit.DataSize;

/**
 * How the Kafka Streams runtime of the processor topology runs.
 *
 * @param applicationId the Streams application id: consumer group and internal topic prefix
 * @param stateDir where the state stores live ({@code ARGUS_STREAMS_STATE_DIR}); on a persistent
 *     volume a restart skips restoring them from the changelog
 * @param commitInterval how often a transaction is committed; events become visible to
 *     read-committed consumers (the sink) only then, so it bounds the added latency
 * @param rocksDbMemory one off-heap budget for all RocksDB state stores ({@code
 *     ARGUS_STREAMS_ROCKSDB_MEMORY}, default 32MB), see {@link BoundedRocksDbMemory}
 */
@ConfigurationProperties("argus.streams")
public record StreamsProperties(
    String applicationId, String stateDir, Duration commitInterval, DataSize rocksDbMemory) {

  @ConstructorBinding
  public StreamsProperties {
    if (applicationId == null || applicationId.isBlank()) {
      throw new IllegalArgumentException("argus.streams.application-id must not be blank");
    }
    if (stateDir == null || stateDir.isBlank()) {
      throw new IllegalArgumentException(
          "ARGUS_STREAMS_STATE_DIR (argus.streams.state-dir) must not be blank");
    }
    if (commitInterval == null || commitInterval.isNegative() || commitInterval.isZero()) {
      throw new IllegalArgumentException(
          "argus.streams.commit-interval must be positive, was " + commitInterval);
    }
    if (rocksDbMemory == null) {
      rocksDbMemory = DataSize.ofMegabytes(32);
    }
  }

  /** With the default RocksDB memory budget. */
  public StreamsProperties(String applicationId, String stateDir, Duration commitInterval) {
    this(applicationId, stateDir, commitInterval, null);
  }
}
