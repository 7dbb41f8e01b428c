package dev.argus.api.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

class DatabaseSpaceTest {

  private static final Instant T0 = Instant.parse("2026-12-03T22:00:00Z");

  /** What Spring makes of PostgreSQL's "could not extend file": a resource failure. */
  private static DataAccessResourceFailureException diskFull() {
    return new DataAccessResourceFailureException(
        "PreparedStatementCallback",
        new SQLException(
            "ERROR: could not extend file \"base/16384/16385\": No space left on device", "53100"));
  }

  private static final class MovableClock extends Clock {
    private Instant now = T0;

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  @Test
  void aRefusedWriteIsRememberedForAMinute() {
    // Given
    MovableClock clock = new MovableClock();
    DatabaseSpace space = new DatabaseSpace(clock);

    // When
    boolean recorded = space.recordIfOutOfSpace(diskFull());

    // Then
    assertThat(recorded).isTrue();
    assertThat(space.recentRefusal())
        .hasValueSatisfying(
            refusal -> {
              assertThat(refusal.at()).isEqualTo(T0);
              assertThat(refusal.message()).contains("No space left on device");
            });
    clock.now = T0.plus(DatabaseSpace.MEMORY);
    assertThat(space.recentRefusal()).isPresent();
    clock.now = T0.plus(DatabaseSpace.MEMORY).plus(Duration.ofSeconds(1));
    assertThat(space.recentRefusal()).isEmpty();
  }

  @Test
  void otherFailuresAreNotAFullDisk() {
    DatabaseSpace space = new DatabaseSpace(new MovableClock());

    boolean recorded =
        space.recordIfOutOfSpace(
            new CannotGetJdbcConnectionException(
                "Failed to obtain JDBC Connection",
                new SQLException("Connection refused", "08001")));

    assertThat(recorded).isFalse();
    assertThat(space.recentRefusal()).isEmpty();
  }

  @Test
  void aTransactionWithoutAConnectionOrOnADroppedOneIsTheDatabaseBeingDown() {
    assertThat(
            DatabaseFailures.isUnreachable(
                new CannotCreateTransactionException("Could not open JDBC Connection")))
        .isTrue();
    assertThat(
            DatabaseFailures.isUnreachable(
                new TransactionSystemException(
                    "Could not commit JDBC transaction",
                    new SQLException(
                        "FATAL: terminating connection due to administrator command", "57P01"))))
        .isTrue();
    assertThat(
            DatabaseFailures.isUnreachable(
                new TransactionSystemException(
                    "Could not commit JDBC transaction",
                    new SQLException("ERROR: deferred constraint violated", "23503"))))
        .isFalse();
  }
}
