package io.stocksync.guardian.history;

import io.stocksync.guardian.GuardianRuns;
import io.stocksync.guardian.GuardianStoreException;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/** What the history purge reads and deletes: runs that ended before a horizon, and the Guardian's job instances. */
@ApplicationScoped
public class HistoryStore {

  /**
   * A run that ended; jobInstanceId is null for one whose job never started; serverId is the server that ran its
   * instance's latest execution (null if none).
   */
  public record ExpiredRun(UUID id, Long jobInstanceId, Instant endedAt, String serverId) {}

  /** A Guardian job instance that no run names, with the server of its latest execution and its last update. */
  public record OrphanInstance(long id, String serverId, Instant updatedAt) {}

  private static final ExpiredRun BEFORE_ALL = new ExpiredRun(new UUID(0, 0), null, Instant.EPOCH, null);
  /**
   * The server of each row's job instance's latest execution, as s.serverid (Liberty's repository; its foreign keys
   * are indexed, V24). Null for a run of no instance or an instance with no execution: those count as this server's.
   */
  private static final String SERVER_OF = " LEFT JOIN LATERAL (SELECT e.serverid FROM batch.jobexecution e"
      + " WHERE e.fk_jobinstanceid = %s ORDER BY e.jobexecid DESC LIMIT 1) s ON true";
  private static final String RUNS = "SELECT r.id, r.job_instance_id, r.ended_at, s.serverid FROM guardian_run r"
      + SERVER_OF.formatted("r.job_instance_id");
  /** Parameters: the foreign horizon, this server's id. */
  private static final String PURGEABLE_HERE = " AND (%s < ? OR s.serverid IS NULL OR s.serverid = ?)";

  @Resource(lookup = "jdbc/stocksync")
  DataSource dataSource;

  /**
   * The next runs that ended before the horizon, oldest first, after the given one (null: from the oldest), that this
   * server may purge now: its own, those of no instance, and another server's once they ended before the foreign
   * horizon. Another server's younger runs are not even read, so that any number of them (a server gone for good
   * leaves tens of thousands) never holds up the purge of this server's own.
   */
  public List<ExpiredRun> page(Instant horizon, Instant foreignHorizon, String thisServer, ExpiredRun after,
      int size) {
    var from = after == null ? BEFORE_ALL : after;
    return runs(RUNS + " WHERE r.state IN ('ENDED', 'LOST') AND r.ended_at < ? AND (r.ended_at, r.id) > (?, ?)"
        + PURGEABLE_HERE.formatted("r.ended_at") + " ORDER BY r.ended_at, r.id LIMIT ?", Timestamp.from(horizon),
        Timestamp.from(from.endedAt()), from.id(), Timestamp.from(foreignHorizon), thisServer, size);
  }

  /** The next ended runs of deleted tenants, whatever their age, in the same order and on the same terms. */
  public List<ExpiredRun> pageOfDeletedTenants(Instant foreignHorizon, String thisServer, ExpiredRun after,
      int size) {
    var from = after == null ? BEFORE_ALL : after;
    return runs(RUNS + " JOIN tenant t ON t.id = r.tenant_id WHERE t.status = 'DELETED'"
        + " AND r.state IN ('ENDED', 'LOST') AND (r.ended_at, r.id) > (?, ?)" + PURGEABLE_HERE.formatted("r.ended_at")
        + " ORDER BY r.ended_at, r.id LIMIT ?", Timestamp.from(from.endedAt()), from.id(),
        Timestamp.from(foreignHorizon), thisServer, size);
  }

  private List<ExpiredRun> runs(String sql, Object... args) {
    var runs = new ArrayList<ExpiredRun>();
    try (var c = dataSource.getConnection(); var ps = GuardianRuns.prepare(c, sql, args);
        var rs = ps.executeQuery()) {
      while (rs.next()) {
        runs.add(new ExpiredRun(rs.getObject(1, UUID.class), rs.getObject(2) == null ? null : rs.getLong(2),
            rs.getTimestamp(3).toInstant(), rs.getString(4)));
      }
    } catch (SQLException e) {
      throw new GuardianStoreException(e);
    }
    return runs;
  }

  /**
   * The Guardian's job instances that no run names and that were last updated before the horizon (a run whose
   * server died before it recorded its instance, say), in id order after the given one, on the same terms as {@link
   * #page}. Read only: Liberty owns these rows (its job repository, schema batch); V26 indexes them by age.
   */
  public List<OrphanInstance> orphanInstances(Instant horizon, Instant foreignHorizon, String thisServer,
      long afterId, int size) {
    var orphans = new ArrayList<OrphanInstance>();
    try (var c = dataSource.getConnection(); var ps = GuardianRuns.prepare(c, "SELECT i.jobinstanceid, s.serverid,"
        + " i.updatetime FROM batch.jobinstance i" + SERVER_OF.formatted("i.jobinstanceid")
        + " WHERE i.jobname = 'guardian-reconcile' AND i.updatetime < ? AND i.jobinstanceid > ?"
        + PURGEABLE_HERE.formatted("i.updatetime") + " AND NOT EXISTS (SELECT 1 FROM guardian_run r"
        + " WHERE r.job_instance_id = i.jobinstanceid) ORDER BY i.jobinstanceid LIMIT ?", Timestamp.from(horizon),
        afterId, Timestamp.from(foreignHorizon), thisServer, size); var rs = ps.executeQuery()) {
      while (rs.next()) {
        orphans.add(new OrphanInstance(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant()));
      }
    } catch (SQLException e) {
      throw new GuardianStoreException(e);
    }
    return orphans;
  }

  /** Those of the job instances that Liberty's job repository still holds (read only; Liberty owns the rows). */
  public Set<Long> stillInJobRepository(Collection<Long> instanceIds) {
    if (instanceIds.isEmpty()) {
      return new HashSet<>();
    }
    try (var c = dataSource.getConnection(); var ps = GuardianRuns.prepare(c, "SELECT jobinstanceid"
        + " FROM batch.jobinstance WHERE jobinstanceid = ANY (?)", c.createArrayOf("bigint", instanceIds.toArray()))) {
      return longs(ps, new HashSet<>());
    } catch (SQLException e) {
      throw new GuardianStoreException(e);
    }
  }

  private static <C extends Collection<Long>> C longs(PreparedStatement ps, C into) throws SQLException {
    try (var rs = ps.executeQuery()) {
      while (rs.next()) {
        into.add(rs.getLong(1));
      }
    }
    return into;
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
