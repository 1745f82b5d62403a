package io.stocksync.guardian;

import io.stocksync.platform.jobs.BatchIdentity;
import jakarta.annotation.Resource;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** A tenant's runs as the API shows them; the batch status is the job repository's, read live. */
@ApplicationScoped
public class RunQueries {

  private static final String COLUMNS = "SELECT id, trigger, slot_start, requested_by, state, note, job_instance_id,"
      + " execution_id, claimed_at, started_at, ended_at, checked, in_sync, repaired, alerted, skipped, failed"
      + " FROM guardian_run WHERE tenant_id = ?";

  @Resource(lookup = "jdbc/stocksync")
  DataSource dataSource;

  @Inject
  BatchIdentity identity;

  public List<RunView> recent(UUID tenantId, int limit) {
    return select(COLUMNS + " ORDER BY claimed_at DESC LIMIT ?", tenantId, limit);
  }

  /** The tenant's run that ended last (completed, failed, stopped or lost), if any. */
  public Optional<RunView> lastEnded(UUID tenantId) {
    return select(COLUMNS + " AND ended_at IS NOT NULL ORDER BY ended_at DESC LIMIT 1", tenantId).stream()
        .findFirst();
  }

  /** Empty for another tenant's run: it is simply not found. */
  public Optional<RunView> get(UUID tenantId, UUID runId) {
    return select(COLUMNS + " AND id = ?", tenantId, runId).stream().findFirst();
  }

  private List<RunView> select(String sql, Object... args) {
    var views = new ArrayList<RunView>();
    try (var c = dataSource.getConnection(); var ps = GuardianRuns.prepare(c, sql, args);
        var rs = ps.executeQuery()) {
      while (rs.next()) {
        views.add(view(rs));
      }
    } catch (SQLException e) {
      throw new GuardianStoreException(e);
    }
    return views;
  }

  private RunView view(ResultSet rs) throws SQLException {
    Long execution = rs.getObject(8) == null ? null : rs.getLong(8);
    String status = execution != null ? batchStatus(execution) : rs.getString(6) != null ? "NOT_STARTED" : null;
    return new RunView(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, OffsetDateTime.class),
        rs.getString(4), rs.getString(5), status, rs.getObject(7) == null ? null : rs.getLong(7), execution,
        rs.getObject(9, OffsetDateTime.class), rs.getObject(10, OffsetDateTime.class),
        rs.getObject(11, OffsetDateTime.class), new Tally(rs.getLong(12), rs.getLong(13), rs.getLong(14),
            rs.getLong(15), rs.getLong(16), rs.getLong(17)));
  }

  private String batchStatus(long executionId) {
    try {
      JobOperator operator = BatchRuntime.getJobOperator();
      return identity.call(() -> String.valueOf(operator.getJobExecution(executionId).getBatchStatus()));
    } catch (RuntimeException e) {
      return "UNKNOWN";
    }
  }
}
