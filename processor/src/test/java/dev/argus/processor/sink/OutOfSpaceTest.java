package dev.argus.processor.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class OutOfSpaceTest {

  @Test
  void postgresDiskFullIsOutOfSpaceWhereverTheDriverPutsIt() {
    SQLException diskFull =
        new SQLException(
            "ERROR: could not extend file \"base/16384/16385\": No space left on device", "53100");
    BatchUpdateException batch =
        new BatchUpdateException("Batch entry 0 was aborted", "25P02", null);
    batch.setNextException(diskFull);

    assertThat(TelemetrySink.isOutOfSpace(diskFull)).isTrue();
    assertThat(TelemetrySink.isOutOfSpace(new IllegalStateException("write failed", diskFull)))
        .isTrue();
    assertThat(TelemetrySink.isOutOfSpace(batch)).isTrue();
  }

  @Test
  void anUnreachableDatabaseIsNotOutOfSpace() {
    SQLException refused =
        new SQLException("Connection refused", "08001", new ConnectException("Connection refused"));

    assertThat(TelemetrySink.isOutOfSpace(refused)).isFalse();
    assertThat(TelemetrySink.isOutOfSpace(new RuntimeException("no cause"))).isFalse();
  }
}
