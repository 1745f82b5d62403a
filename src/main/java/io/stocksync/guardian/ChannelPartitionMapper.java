package io.stocksync.guardian;

import jakarta.annotation.Resource;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.partition.PartitionMapper;
import jakarta.batch.api.partition.PartitionPlan;
import jakarta.batch.api.partition.PartitionPlanImpl;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * One partition per channel of the tenant, so channels with separate rate limits are read in parallel. The
 * channels are those that existed when the run was claimed, in id order: a restart maps the same partitions, and
 * only the unfinished ones run again (partitionsOverride = false).
 */
@Named
@Dependent
public class ChannelPartitionMapper implements PartitionMapper {

  @Inject
  JobContext job;

  @Inject
  @BatchProperty
  String driftThreshold;

  @Inject
  @BatchProperty
  String maxThreads;

  @Inject
  GuardianRuns runs;

  @Resource(lookup = "jdbc/stocksync")
  DataSource dataSource;

  @Override
  public PartitionPlan mapPartitions() throws SQLException {
    RunRef run = runs.byInstance(job.getInstanceId())
        .orElseThrow(() -> new IllegalStateException("no Guardian run for job instance " + job.getInstanceId()));
    int threshold = driftThreshold == null || driftThreshold.isBlank() ? tenantThreshold(run.tenantId())
        : Integer.parseInt(driftThreshold);
    List<UUID> channels = channels(run);
    var plan = new PartitionPlanImpl();
    plan.setPartitions(Math.max(1, channels.size()));
    plan.setThreads(Math.max(1, Math.min(channels.size(), Integer.parseInt(maxThreads))));
    plan.setPartitionsOverride(false);
    var props = new Properties[Math.max(1, channels.size())];
    for (int i = 0; i < props.length; i++) {
      props[i] = new Properties();
      props[i].setProperty("runId", run.runId().toString());
      props[i].setProperty("tenantId", run.tenantId().toString());
      // A tenant without channels still gets one (empty) partition: the step needs at least one.
      props[i].setProperty("channelId", channels.isEmpty() ? "" : channels.get(i).toString());
      props[i].setProperty("driftThreshold", Integer.toString(threshold));
    }
    plan.setPartitionProperties(props);
    return plan;
  }

  private int tenantThreshold(UUID tenantId) throws SQLException {
    try (var c = dataSource.getConnection();
        var ps = GuardianRuns.prepare(c, "SELECT drift_threshold FROM tenant WHERE id = ?", tenantId);
        var rs = ps.executeQuery()) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  private List<UUID> channels(RunRef run) throws SQLException {
    var ids = new ArrayList<UUID>();
    try (var c = dataSource.getConnection();
        var ps = GuardianRuns.prepare(c, "SELECT id FROM channel WHERE tenant_id = ? AND created_at <= ?"
            + " ORDER BY id", run.tenantId(), Timestamp.from(run.claimedAt()));
        var rs = ps.executeQuery()) {
      while (rs.next()) {
        ids.add(rs.getObject(1, UUID.class));
      }
    }
    return ids;
  }
}
