package io.stocksync.platform.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Waits for PostgreSQL to answer again after a failure that was an outage. A message listener that rethrew such a
 * failure at once would spend the message's delivery attempts (seconds apart) on the outage and dead-letter it;
 * waiting here first spends one attempt per outage, however long it lasts up to {@code
 * stocksync.database.outage-wait}.
 */
@ApplicationScoped
public class DatabaseReturn {

  private static final Logger LOG = Logger.getLogger(DatabaseReturn.class.getName());
  private static final int VALIDATION_TIMEOUT_SECONDS = 2;
  private static final long POLL_MILLIS = 1_000;

  @Resource(lookup = "jdbc/stocksync")
  DataSource dataSource;

  @Inject
  @ConfigProperty(name = "stocksync.database.outage-wait", defaultValue = "PT5M")
  Duration outageWait;

  /**
   * If {@code failure} was caused by a database outage, returns once the database answers again, or after the
   * configured wait, or when the thread is interrupted; returns at once for any other failure.
   */
  public void awaitAfter(RuntimeException failure) {
    if (!DatabaseOutage.isCauseOf(failure)) {
      return;
    }
    long deadline = System.nanoTime() + outageWait.toNanos();
    LOG.warning(() -> "database unavailable, waiting up to " + outageWait + " for it: " + failure);
    while (!answers() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private boolean answers() {
    try (Connection c = dataSource.getConnection()) {
      return c.isValid(VALIDATION_TIMEOUT_SECONDS);
    } catch (SQLException e) {
      return false;
    }
  }
}
