package io.stocksync.guardian;

import java.sql.SQLException;

/** A database call of the Guardian failed; retryable in a chunk when the cause is transient (see the job XML). */
public class GuardianStoreException extends RuntimeException {

  public GuardianStoreException(SQLException cause) {
    super(cause.getMessage(), cause);
  }

  public String sqlState() {
    return ((SQLException) getCause()).getSQLState();
  }
}
