package dev.argus.processor.sink;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;

/** One statement sent as a JDBC batch, one row per item: how every table of the sink is written. */
final class JdbcBatch {

  /** Sets a statement's parameters from one row. */
  @FunctionalInterface
  interface Binder<T> {
    void bind(PreparedStatement statement, T row) throws SQLException;
  }

  private JdbcBatch() {}

  /**
   * Prepares {@code sql}, binds and batches every row, and executes the batch; nothing when there
   * are no rows.
   *
   * @return the rows sent (a row the database skips as a duplicate counts too)
   */
  static <T> int execute(Connection connection, String sql, Collection<T> rows, Binder<T> binder)
      throws SQLException {
    if (rows.isEmpty()) {
      return 0;
    }
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (T row : rows) {
        binder.bind(statement, row);
        statement.addBatch();
      }
      statement.executeBatch();
    }
    return rows.size();
  }
}
