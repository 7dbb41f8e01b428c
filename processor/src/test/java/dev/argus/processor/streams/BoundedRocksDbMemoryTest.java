package dev.argus.processor.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

class BoundedRocksDbMemoryTest {

  @Test
  void everyStoreSharesOneCacheAndWriteBufferBudget() {
    RocksDB.loadLibrary();
    var setter = new BoundedRocksDbMemory();
    try (var first = new Options();
        var second = new Options()) {
      first.setTableFormatConfig(new BlockBasedTableConfig());
      second.setTableFormatConfig(new BlockBasedTableConfig());

      setter.setConfig("a", first, Map.of(BoundedRocksDbMemory.MEMORY_BYTES_CONFIG, 8L << 20));
      setter.setConfig("b", second, Map.of(BoundedRocksDbMemory.MEMORY_BYTES_CONFIG, 8L << 20));

      assertThat(first.writeBufferManager()).isNotNull().isSameAs(second.writeBufferManager());
      assertThat(first.maxWriteBufferNumber()).isEqualTo(2);
      assertThat(((BlockBasedTableConfig) first.tableFormatConfig()).cacheIndexAndFilterBlocks())
          .isTrue();
    }
  }

  @Test
  void aBudgetTooSmallToWorkIsRefusedWithTheSettingsName() {
    assertThat(BoundedRocksDbMemory.budget(Map.of())).isEqualTo(32L << 20);
    assertThat(
            BoundedRocksDbMemory.budget(
                Map.of(BoundedRocksDbMemory.MEMORY_BYTES_CONFIG, "67108864")))
        .isEqualTo(64L << 20);
    assertThatThrownBy(
            () ->
                BoundedRocksDbMemory.budget(
                    Map.of(BoundedRocksDbMemory.MEMORY_BYTES_CONFIG, 1024L)))
        .hasMessageContaining("ARGUS_STREAMS_ROCKSDB_MEMORY");
  }
}
