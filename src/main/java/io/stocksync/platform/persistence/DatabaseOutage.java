package io.stocksync.platform.persistence;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a database that is away (stopped, restarting, unreachable) from a request that went wrong. The caller can
 * come back later for the first, so the API answers 503 with Retry-After instead of 500; a vendor that gets 503
 * sends its webhook again, so nothing is lost.
 */
public final class DatabaseOutage {

  /** How long a client should wait before trying again. */
  public static final String RETRY_AFTER_SECONDS = "5";

  private DatabaseOutage() {}

  /**
   * True when a cause is a lost or refused connection: SQLSTATE class 08 (connection exception), 57P01-57P03
   * (PostgreSQL shutting down, crashed, or not yet accepting connections) or one of JDBC's connection exceptions.
   */
  public static boolean isCauseOf(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
          || t instanceof SQLRecoverableException) {
        return true;
      }
      if (t instanceof SQLException sql && isConnectionState(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  private static boolean isConnectionState(String state) {
    return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
        || state.equals("57P03"));
  }
}
