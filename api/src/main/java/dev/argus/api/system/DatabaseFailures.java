package dev.argus.api.system;

import java.sql.SQLException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;

/** Tells database failures the client should retry apart from bugs. */
final class DatabaseFailures {

  /** PostgreSQL's SQLSTATE for "relation does not exist". */
  private static final String UNDEFINED_TABLE = "42P01";

  private DatabaseFailures() {}

  /**
   * The database could not be reached or dropped the connection. {@code
   * CannotGetJdbcConnectionException} (pool timeout, connection refused) is a {@link
   * DataAccessResourceFailureException}.
   */
  static boolean isUnreachable(DataAccessException e) {
    return e instanceof DataAccessResourceFailureException
        || e instanceof TransientDataAccessResourceException;
  }

  /**
   * A table is missing. The api's queries are fixed and tested against the migrated schema, so this
   * only happens while the schema migration has not run yet (the database came up after the api and
   * the next migration attempt is pending).
   */
  static boolean isSchemaMissing(DataAccessException e) {
    return e.getMostSpecificCause() instanceof SQLException sql
        && UNDEFINED_TABLE.equals(sql.getSQLState());
  }
}
