package dev.argus.api.system.jdbc;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The reads every configuration table with a UUID id and a user-chosen unique name needs (cameras,
 * Protect controllers): all (by name), one, one locked, all locked, and the lock that serialises
 * name checks. The select names its main table {@code c} (it may join status rows), so the locks
 * take only that table's rows.
 */
public abstract class NamedRowRepository<T> {

  protected final JdbcClient jdbc;
  private final String select;
  private final RowMapper<T> rows;
  private final String nameLock;

  /**
   * @param select a {@code SELECT … FROM <table> c …} without WHERE or ORDER BY
   * @param nameLock the advisory lock of name checks, e.g. {@code argus:camera-names}
   */
  protected NamedRowRepository(JdbcClient jdbc, String select, RowMapper<T> rows, String nameLock) {
    this.jdbc = jdbc;
    this.select = select;
    this.rows = rows;
    this.nameLock = nameLock;
  }

  public List<T> all() {
    return jdbc.sql(select + " ORDER BY lower(c.name), c.id").query(rows).list();
  }

  public Optional<T> find(UUID id) {
    return jdbc.sql(select + " WHERE c.id = :id").param("id", id).query(rows).optional();
  }

  /** The row locked until the transaction ends, so changes publish in order. */
  public Optional<T> lock(UUID id) {
    return jdbc.sql(select + " WHERE c.id = :id FOR UPDATE OF c")
        .param("id", id)
        .query(rows)
        .optional();
  }

  /** Every row, locked (the re-encryption rewrites them all). */
  public List<T> lockAll() {
    return jdbc.sql(select + " ORDER BY c.id FOR UPDATE OF c").query(rows).list();
  }

  /**
   * Serialises name checks: two concurrent writes cannot both find a name free (the unique index on
   * lower(name) would refuse the second with a 500 otherwise).
   */
  public void lockNames() {
    jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:lock, 0))")
        .param("lock", nameLock)
        .query(Object.class)
        .single();
  }
}
