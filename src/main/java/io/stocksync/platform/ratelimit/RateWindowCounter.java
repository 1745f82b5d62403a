package io.stocksync.platform.ratelimit;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Counts a tenant's requests in the current minute with one atomic upsert (auto-commit, outside the request's
 * transaction, so a request that fails still counts).
 */
@ApplicationScoped
public class RateWindowCounter {

  private static final String COUNT = "INSERT INTO api_rate_window (tenant_id, window_start, requests)"
      + " VALUES (?, ?, 1) ON CONFLICT (tenant_id, window_start)"
      + " DO UPDATE SET requests = api_rate_window.requests + 1 RETURNING requests";

  @Resource(lookup = "jdbc/stocksync-direct")
  DataSource dataSource;

  /** Counts one request; answers the count in this window including it. */
  public int countRequest(UUID tenantId, Instant windowStart) throws SQLException {
    try (var c = dataSource.getConnection(); var ps = c.prepareStatement(COUNT)) {
      ps.setObject(1, tenantId);
      ps.setTimestamp(2, Timestamp.from(windowStart));
      try (var rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  /** Forgets windows older than an hour. */
  public void prune(Instant now) throws SQLException {
    try (var c = dataSource.getConnection();
        var ps = c.prepareStatement("DELETE FROM api_rate_window WHERE window_start < ?")) {
      ps.setTimestamp(1, Timestamp.from(now.minus(1, ChronoUnit.HOURS)));
      ps.executeUpdate();
    }
  }
}
