package io.stocksync.guardian.history;

import io.stocksync.guardian.GuardianRuns;
import io.stocksync.guardian.GuardianStoreException;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** guardian_run rows of runs that ended before a horizon, and their deletion. */
@ApplicationScoped
public class ExpiredRuns {

  /** A run that ended; jobInstanceId is null for one whose job never started. */
  public record ExpiredRun(UUID id, Long jobInstanceId, Instant endedAt) {}

  private static final ExpiredRun BEFORE_ALL = new ExpiredRun(new UUID(0, 0), null, Instant.EPOCH);

  @Resource(lookup = "jdbc/stocksync")
  DataSource dataSource;

  /** The next runs, oldest first, after the given one (null: from the oldest). */
  public List<ExpiredRun> page(Instant horizon, ExpiredRun after, int size) {
    var from = after == null ? BEFORE_ALL : after;
    var runs = new ArrayList<ExpiredRun>();
    try (var c = dataSource.getConnection(); var ps = GuardianRuns.prepare(c, "SELECT id, job_instance_id, ended_at"
        + " FROM guardian_run WHERE state IN ('ENDED', 'LOST') AND ended_at < ? AND (ended_at, id) > (?, ?)"
        + " ORDER BY ended_at, id LIMIT ?", Timestamp.from(horizon), Timestamp.from(from.endedAt()), from.id(), size);
        var rs = ps.executeQuery()) {
      while (rs.next()) {
        runs.add(new ExpiredRun(rs.getObject(1, UUID.class), rs.getObject(2) == null ? null : rs.getLong(2),
            rs.getTimestamp(3).toInstant()));
      }
    } catch (SQLException e) {
      throw new GuardianStoreException(e);
    }
    return runs;
  }

  /** Deletes the runs (with their partition counters), unless one was restarted meanwhile. */
  public int delete(Collection<UUID> runIds, Instant horizon) {
    if (runIds.isEmpty()) {
      return 0;
    }
    try (var c = dataSource.getConnection(); var ps = GuardianRuns.prepare(c, "DELETE FROM guardian_run"
        + " WHERE id = ANY (?) AND state IN ('ENDED', 'LOST') AND ended_at < ?",
        c.createArrayOf("uuid", runIds.toArray()), Timestamp.from(horizon))) {
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new GuardianStoreException(e);
    }
  }
}
