package io.stocksync.guardian;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The guardian_run rows. Claims are single inserts that conflict on a unique index (one run per tenant and slot,
 * one active run per tenant), so whichever server or request inserts first wins, atomically, with no lock held.
 * Each method uses the caller's transaction if there is one (a chunk's), else commits on its own.
 */
@ApplicationScoped
public class GuardianRuns {

  @Resource(lookup = "jdbc/stocksync")
  DataSource dataSource;

  /** The request id a run's log records and repair sync events carry. */
  public static String requestId(UUID runId) {
    return "guardian:" + runId;
  }

  /** The scheduled run of a slot, if this caller is the first to claim it and the tenant has no run under way. */
  public Optional<UUID> claimSlot(UUID tenantId, Instant slotStart) {
    return insert(tenantId, "SCHEDULE", Timestamp.from(slotStart), "guardian-scheduler");
  }

  /** A run started now (API or ops), unless the tenant has one under way. */
  public Optional<UUID> claimNow(UUID tenantId, String trigger, String requestedBy) {
    return insert(tenantId, trigger, null, requestedBy);
  }

  private Optional<UUID> insert(UUID tenantId, String trigger, Timestamp slot, String requestedBy) {
    UUID id = UUID.randomUUID();
    return update("INSERT INTO guardian_run (id, tenant_id, trigger, slot_start, requested_by, state)"
        + " VALUES (?, ?, ?, ?, ?, 'CLAIMED') ON CONFLICT DO NOTHING", id, tenantId, trigger, slot, requestedBy) == 1
        ? Optional.of(id) : Optional.empty();
  }

  /** A claim whose job could not be started: give the tenant's place back. */
  public void release(UUID runId, String why) {
    update("UPDATE guardian_run SET state = 'ENDED', note = ?, ended_at = now() WHERE id = ?", why, runId);
  }

  /** Whether the run is still claimed and waiting for its job (not expired as LOST meanwhile). */
  public boolean isClaimed(UUID runId) {
    return exists("SELECT 1 FROM guardian_run WHERE id = ? AND state = 'CLAIMED'", runId);
  }

  /** Those of the runs that are no longer claimed or running. */
  public Set<UUID> notActive(Set<UUID> runIds) {
    var ended = new HashSet<UUID>(runIds);
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = prepare(c, "SELECT id FROM guardian_run"
        + " WHERE id = ANY (?) AND state IN ('CLAIMED', 'RUNNING')", c.createArrayOf("uuid", runIds.toArray()));
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        ended.remove(rs.getObject(1, UUID.class));
      }
    } catch (SQLException e) {
      throw new GuardianStoreException(e);
    }
    return ended;
  }

  /** First execution: links the claimed run to its job instance. Answers false if the run is unknown. */
  public boolean link(UUID runId, long instanceId) {
    return update("UPDATE guardian_run SET job_instance_id = ? WHERE id = ? AND (job_instance_id IS NULL"
        + " OR job_instance_id = ?)", instanceId, runId, instanceId) == 1;
  }

  public Optional<RunRef> byInstance(long instanceId) {
    return query("SELECT id, tenant_id, claimed_at FROM guardian_run WHERE job_instance_id = ?", instanceId);
  }

  /**
   * An execution starts (first or restart): the run takes the tenant's active place again, or this fails.
   * started_at is the latest execution's start, so a restarted run's lease counts from its restart.
   */
  public void executionStarted(UUID runId, long executionId) {
    update("UPDATE guardian_run SET state = 'RUNNING', execution_id = ?, started_at = now(), ended_at = NULL"
        + " WHERE id = ?", executionId, runId);
  }

  /** Runs in state RUNNING whose current execution started more than the given seconds ago: run id to execution. */
  public Map<UUID, Long> runningLongerThan(int seconds) {
    var running = new HashMap<UUID, Long>();
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = prepare(c, "SELECT id, execution_id"
        + " FROM guardian_run WHERE state = 'RUNNING' AND execution_id IS NOT NULL"
        + " AND started_at < now() - make_interval(secs => ?)", seconds); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        running.put(rs.getObject(1, UUID.class), rs.getLong(2));
      }
    } catch (SQLException e) {
      throw new GuardianStoreException(e);
    }
    return running;
  }

  /**
   * The execution ended (its batch status is the job repository's to tell): the run's summary is recomputed from
   * what its partitions committed, then the run reads ENDED; a newer execution is not touched.
   */
  public void executionEnded(UUID runId, long executionId) {
    summarize(runId);
    update("UPDATE guardian_run SET state = 'ENDED', ended_at = now() WHERE id = ? AND execution_id = ?", runId,
        executionId);
  }

  /** Adds a chunk's counts to its partition's row, in the chunk's transaction: committed with the checkpoint. */
  public void addCounts(UUID runId, UUID channelId, Tally t) {
    update("INSERT INTO guardian_run_partition AS p (run_id, channel_id, checked, in_sync, repaired, alerted,"
        + " skipped, failed) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (run_id, channel_id) DO UPDATE SET"
        + " checked = p.checked + EXCLUDED.checked, in_sync = p.in_sync + EXCLUDED.in_sync,"
        + " repaired = p.repaired + EXCLUDED.repaired, alerted = p.alerted + EXCLUDED.alerted,"
        + " skipped = p.skipped + EXCLUDED.skipped, failed = p.failed + EXCLUDED.failed, updated_at = now()",
        runId, channelId, t.checked(), t.inSync(), t.repaired(), t.alerted(), t.skipped(), t.failed());
  }

  /** The run's summary = the sum of its partitions' committed counts (idempotent: recomputed, never added to). */
  public void summarize(UUID runId) {
    update("UPDATE guardian_run r SET checked = s.checked, in_sync = s.in_sync, repaired = s.repaired,"
        + " alerted = s.alerted, skipped = s.skipped, failed = s.failed FROM (SELECT coalesce(sum(checked), 0)"
        + " checked, coalesce(sum(in_sync), 0) in_sync, coalesce(sum(repaired), 0) repaired, coalesce(sum(alerted),"
        + " 0) alerted, coalesce(sum(skipped), 0) skipped, coalesce(sum(failed), 0) failed"
        + " FROM guardian_run_partition WHERE run_id = ?) s WHERE r.id = ?", runId, runId);
  }

  /**
   * Runs whose server went away: claimed but never started, or running with no committed chunk for longer than the
   * lease. They give the tenant's place back so the schedule goes on; their job execution stays visible to ops.
   */
  public int expireLost(int claimLeaseSeconds, int runLeaseSeconds) {
    return update("UPDATE guardian_run r SET state = 'LOST', ended_at = now() WHERE (state = 'CLAIMED'"
        + " AND claimed_at < now() - make_interval(secs => ?)) OR (state = 'RUNNING' AND greatest(r.started_at,"
        + " (SELECT max(updated_at) FROM guardian_run_partition p WHERE p.run_id = r.id))"
        + " < now() - make_interval(secs => ?))", claimLeaseSeconds, runLeaseSeconds);
  }

  private Optional<RunRef> query(String sql, Object... args) {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = prepare(c, sql, args);
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? Optional.of(new RunRef(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
          rs.getTimestamp(3).toInstant())) : Optional.empty();
    } catch (SQLException e) {
      throw new GuardianStoreException(e);
    }
  }

  private boolean exists(String sql, Object... args) {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = prepare(c, sql, args);
        ResultSet rs = ps.executeQuery()) {
      return rs.next();
    } catch (SQLException e) {
      throw new GuardianStoreException(e);
    }
  }

  private int update(String sql, Object... args) {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = prepare(c, sql, args)) {
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new GuardianStoreException(e);
    }
  }

  public static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql);
    for (int i = 0; i < args.length; i++) {
      ps.setObject(i + 1, args[i]);
    }
    return ps;
  }
}
