package dev.argus.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Guards the premise of {@link RunningApiTest}: the api under test really connects with a role that
 * can read the telemetry tables but not write them.
 */
class ReadOnlyAccessIT extends RunningApiTest {

  @Autowired DataSource apiDataSource;

  @Test
  void theApiReadsAsTheReadOnlyRole() {
    JdbcClient asApi = JdbcClient.create(apiDataSource);

    assertThat(asApi.sql("SELECT current_user").query(String.class).single())
        .isEqualTo(READ_ONLY_ROLE);
    assertThat(asApi.sql("SELECT count(*) FROM power_snapshots").query(Long.class).single())
        .isZero();
  }

  @Test
  void theApiCannotWriteTelemetry() {
    JdbcClient asApi = JdbcClient.create(apiDataSource);

    assertThatThrownBy(
            () ->
                asApi
                    .sql(
                        "INSERT INTO power_events (event_id, ts, device_id, event_type, severity)"
                            + " VALUES (gen_random_uuid(), now(), 'ups-main', 'on_battery',"
                            + " 'high')")
                    .update())
        .isInstanceOf(DataAccessException.class)
        .rootCause()
        .hasMessageContaining("permission denied for table power_events");
  }
}
