package dev.argus.api.system;

import java.sql.SQLException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionException;

/** Tells database failures the client should retry apart from bugs. */
public final class DatabaseFailures {

  /** The answer's detail while PostgreSQL cannot be reached. */
  public static final String UNAVAILABLE = "Database unavailable, try again shortly";

  /** The answer's detail while PostgreSQL refuses writes for lack of disk space. */
  public static final String OUT_OF_SPACE =
      "The database is out of disk space and cannot store this change; free space on"
          + " PostgreSQL's volume, then try again";

  /** PostgreSQL's SQLSTATE for "relation does not exist". */
  private static final String UNDEFINED_TABLE = "42P01";

  /** PostgreSQL's SQLSTATE disk_full: a file could not be extended or written (ENOSPC). */
  private static final String DISK_FULL = "53100";

  /**
   * SQLSTATE classes of a lost server: 08 connection exception, 57P operator intervention (the
   * server shuts down, restarts after a crash, or is starting: "cannot connect now").
   */
  private static final String CONNECTION_CLASS = "08";

  private static final String OPERATOR_INTERVENTION = "57P";

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
   * A transaction could not begin or end because the server is gone: no connection to begin on
   * ({@link CannotCreateTransactionException}), or a commit or rollback on a connection the server
   * dropped (a {@code TransactionSystemException} over a connection-class SQLSTATE).
   */
  static boolean isUnreachable(TransactionException e) {
    if (e instanceof CannotCreateTransactionException) {
      return true;
    }
    String state = sqlState(e);
    return state != null
        && (state.startsWith(CONNECTION_CLASS) || state.startsWith(OPERATOR_INTERVENTION));
  }

  /**
   * PostgreSQL refused to write for lack of disk space (SQLSTATE 53100, e.g. "could not extend file
   * ... No space left on device"). Reads still work, so this is not "unreachable"; it ends when
   * space is freed.
   */
  public static boolean isOutOfSpace(Throwable e) {
    return DISK_FULL.equals(sqlState(e));
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

  /** The SQLSTATE of the innermost {@link SQLException} that has one, or null. */
  private static String sqlState(Throwable e) {
    String state = null;
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && sql.getSQLState() != null) {
        state = sql.getSQLState();
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return state;
  }
}
