package dev.argus.processor.streams;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Puts every RocksDB state store of the processor under one memory budget: block cache, index and
 * filter blocks and memtables all count against a single LRU cache shared by all stores.
 *
 * <p>Why: by default each store (and each of its segments) gets its own 50 MB block cache and three
 * 16 MB memtables, off-heap, so the processor's resident memory grew with the number of stores and
 * partitions (the benchmark measured the whole local stack past 1.5 GiB under ingest). The budget
 * is {@link #MEMORY_BYTES_CONFIG} ({@code ARGUS_STREAMS_ROCKSDB_MEMORY}).
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {

  /** Streams config key carrying the budget in bytes. */
  public static final String MEMORY_BYTES_CONFIG = "argus.rocksdb.memory.bytes";

  /** Share of the budget memtables may take; the rest is block cache. */
  private static final double MEMTABLE_SHARE = 0.5;

  private static final long DEFAULT_BYTES = 32L * 1024 * 1024;

  // Shared by all stores of this JVM by design; created with the first store and never closed
  // (it lives as long as the Streams instance, which is the life of the process).
  private static Cache cache;
  private static WriteBufferManager writeBufferManager;

  private static synchronized void initialise(long budgetBytes) {
    if (cache == null) {
      cache = new LRUCache(budgetBytes, -1, false, 0.1);
      writeBufferManager = new WriteBufferManager((long) (budgetBytes * MEMTABLE_SHARE), cache);
    }
  }

  @Override
  public void setConfig(String storeName, Options options, Map<String, Object> configs) {
    initialise(budget(configs));
    BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
    table.setBlockCache(cache);
    table.setCacheIndexAndFilterBlocks(true);
    table.setCacheIndexAndFilterBlocksWithHighPriority(true);
    table.setPinTopLevelIndexAndFilter(true);
    options.setWriteBufferManager(writeBufferManager);
    options.setTableFormatConfig(table);
    options.setMaxWriteBufferNumber(2);
  }

  @Override
  public void close(String storeName, Options options) {
    // The cache and write buffer manager are shared: closing them here would break other stores.
  }

  static long budget(Map<String, Object> configs) {
    Object value = configs.get(MEMORY_BYTES_CONFIG);
    if (value == null) {
      return DEFAULT_BYTES;
    }
    long bytes = value instanceof Number n ? n.longValue() : Long.parseLong(value.toString());
    if (bytes < 4L * 1024 * 1024) {
      throw new IllegalArgumentException(
          "ARGUS_STREAMS_ROCKSDB_MEMORY must be at least 4MB, was " + bytes + " bytes");
    }
    return bytes;
  }
}
