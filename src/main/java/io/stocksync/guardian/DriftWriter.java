package io.stocksync.guardian;

import io.stocksync.channel.push.LevelPush;
import io.stocksync.channel.push.PushOutcome;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Acts on a chunk's checks: repairs drift within the threshold with one push call through the channel's StockWriter,
 * raises DRIFT alerts beyond it (the channel untouched), keeps the two-read state, and adds the chunk's counts to
 * its partition's row. Idempotent on a re-read chunk after a restart: the processor reads the channel again, so a
 * repair that was already made shows as in sync and is not pushed twice; alerts and observations are upserts.
 */
@Named
@Dependent
public class DriftWriter extends AbstractItemWriter {

  private static final Logger LOG = Logger.getLogger(DriftWriter.class.getName());

  @Inject
  StepContext step;

  @Inject
  ChannelClients clients;

  @Inject
  CurrentLevels current;

  @Inject
  RepairRecords records;

  @Inject
  DriftAlerts alerts;

  @Inject
  Observations observations;

  @Inject
  GuardianRuns runs;

  @Inject
  GuardianMetrics metrics;

  private GuardianPartition partition;
  private ChannelClient client;

  @Override
  public void writeItems(List<Object> items) {
    if (partition == null) {
      partition = GuardianPartition.of(step);
    }
    UUID tenant = partition.tenantId();
    UUID run = partition.runId();
    int threshold = partition.driftThreshold();
    var plan = ChunkPlan.of(items, current.of(tenant, ChunkPlan.drifting(items)), run, threshold);
    Tally pushed = repair(tenant, run, plan);
    alerts.raise(tenant, partition.channel(), plan.alert(), threshold);
    observations.remember(tenant, run, plan.await());
    observations.forget(tenant, plan.settledObservations());
    alerts.resolve(tenant, plan.inSyncIds());
    Tally counts = plan.tally().plus(pushed);
    runs.addCounts(run, partition.channel(), counts);
    client().ifPresent(c -> metrics.chunkWritten(c.type(), plan, pushed));
    LOG.fine(() -> "Guardian run " + run + ", channel " + partition.channel() + ": checked " + counts.checked()
        + ", in sync " + counts.inSync() + ", repaired " + counts.repaired() + ", alerted " + counts.alerted()
        + ", skipped " + counts.skipped() + ", failed " + counts.failed());
  }

  /** The channel's client, looked up once per partition; empty if the channel is gone. */
  private Optional<ChannelClient> client() {
    if (client == null) {
      client = clients.of(partition.tenantId(), partition.channel()).orElse(null);
    }
    return Optional.ofNullable(client);
  }

  /** One push call for every repair of the chunk; answers the repaired/failed/skipped counts. */
  private Tally repair(UUID tenant, UUID run, ChunkPlan plan) {
    if (plan.repair().isEmpty()) {
      return Tally.ZERO;
    }
    var client = client().orElseThrow();
    var pushes = plan.repair().stream().map(c -> new LevelPush(c.mapping().externalId(),
        c.mapping().externalLocationId(), c.expected(), c.observed(),
        "guardian:" + run + ":" + c.mapping().mappingId() + ":" + c.expected())).toList();
    long t0 = System.nanoTime();
    var attempts = new ArrayList<RepairRecords.Attempt>();
    try {
      var outcomes = client.writer().push(client.endpoint(), pushes);
      plan.repair().forEach(c -> attempts.add(new RepairRecords.Attempt(c, outcomes.getOrDefault(
          c.mapping().externalId(), new PushOutcome(PushOutcome.Status.FAILED, null, null, "no outcome", null)))));
    } catch (RuntimeException e) {
      // Channel down, rate-limited, breaker open: the repairs failed; the next run finds the drift again.
      LOG.info(() -> "Guardian repair push to channel " + partition.channel() + " failed: " + e);
      String error = e.getClass().getSimpleName() + ": " + e.getMessage();
      plan.repair().forEach(c -> attempts.add(new RepairRecords.Attempt(c,
          new PushOutcome(PushOutcome.Status.FAILED, null, null, error, null))));
    }
    records.record(tenant, run, attempts, (System.nanoTime() - t0) / 1_000_000);
    var repairedIds = attempts.stream().filter(a -> a.outcome().status() == PushOutcome.Status.PUSHED)
        .map(a -> a.check().mapping().mappingId()).toList();
    alerts.resolve(tenant, repairedIds);
    long failed = attempts.stream().filter(a -> a.outcome().status() == PushOutcome.Status.FAILED).count();
    long conflicts = attempts.size() - repairedIds.size() - failed;
    return new Tally(0, 0, repairedIds.size(), 0, conflicts, failed);
  }
}
