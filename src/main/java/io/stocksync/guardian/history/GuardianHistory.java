package io.stocksync.guardian.history;

import io.stocksync.guardian.history.HistoryStore.ExpiredRun;
import io.stocksync.platform.metrics.MetricHandles;
import io.stocksync.platform.schedule.Periodic;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Keeps the Guardian's history to the retention (default 30 days). Each run is a job instance in Liberty's
 * repository plus ~50 KB of job log per channel on the disk of the server that ran it, and nothing in Liberty
 * deletes them: at 1,000 tenants every 15 minutes that is ~96,000 instances and ~13 GB of job logs a day. Every
 * server purges on its own schedule: the instances it ran, then the guardian_run rows of the purged ones; a deleted
 * tenant's runs likewise, at once. Another server's instances wait for that server's own purge (Liberty cannot
 * delete another server's job logs: its purge answers FAILED, and purging the rows anyway would strand the logs on
 * that server's disk), until they are a grace past due: a server gone for good never purges them. A job log
 * Liberty cannot delete does not keep the rows: the instance is then purged from the repository only, and the files
 * are named in a warning.
 */
@ApplicationScoped
public class GuardianHistory {

  private static final Logger LOG = Logger.getLogger(GuardianHistory.class.getName());
  private static final int PAGE = 200;
  /** Prometheus: stocksync_guardian_history_purged_total{kind="run"|"job_instance_of_no_run"}. */
  private static final String PURGED = "stocksync_guardian_history_purged";
  /**
   * Runs kept (still running, their job logs stuck) do not use up a purge's maximum, or the oldest of them would
   * stop every purge of the younger ones behind them: a purge looks at up to this many times its maximum. Another
   * server's runs within their grace are not read at all (HistoryStore).
   */
  private static final int SCAN_FACTOR = 10;

  /** What one purge did: runs (or job instances) deleted, and kept (still running, another server's, not yet). */
  public record Purged(int deleted, int kept) {}

  @Inject
  Periodic periodic;

  @Inject
  HistoryStore store;

  @Inject
  JobInstancePurge purge;

  @Inject
  ThisBatchServer thisServer;

  @Inject
  MetricHandles metrics;

  /** Days a run is kept after it ended; 0 keeps every run but a deleted tenant's. */
  @Inject
  @ConfigProperty(name = "stocksync.guardian.history-retention-days", defaultValue = "30")
  int retentionDays;

  @Inject
  @ConfigProperty(name = "stocksync.guardian.history-purge-seconds", defaultValue = "900")
  long purgeSeconds;

  /**
   * Days beyond a purge's horizon that a run another server ran waits for that server's own purge (which deletes its
   * job logs too). A server gone for good never purges its runs; after this grace they are purged from the job
   * repository only, and the job logs stay on that server's disk if it ever comes back.
   */
  @Inject
  @ConfigProperty(name = "stocksync.guardian.history-foreign-grace-days", defaultValue = "7")
  int foreignGraceDays;

  /** At most this many runs purged per purge, so that a first purge of a long history is spread over several. */
  @Inject
  @ConfigProperty(name = "stocksync.guardian.history-purge-max-runs", defaultValue = "5000")
  int maxRuns;

  void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    if (retentionDays <= 0) {
      LOG.info("Guardian history retention is off (stocksync.guardian.history-retention-days = 0): only deleted"
          + " tenants' runs are purged");
    }
    periodic.every(purgeSeconds, this::tick);
  }

  void tick() {
    try {
      var horizon = Instant.now().minus(Duration.ofDays(retentionDays));
      var none = new Purged(0, 0);
      var runs = retentionDays > 0 ? purgeEndedBefore(horizon) : none;
      var deletedTenants = purgeRunsOfDeletedTenants();
      var orphans = retentionDays > 0 ? purgeOrphansBefore(horizon) : none;
      countPurged("run", runs.deleted() + deletedTenants.deleted());
      countPurged("job_instance_of_no_run", orphans.deleted());
      if (runs.deleted() + runs.kept() + deletedTenants.deleted() + deletedTenants.kept() + orphans.deleted()
          + orphans.kept() > 0) {
        LOG.info("Guardian history: " + runs.deleted() + " run(s) older than " + retentionDays + " days purged, "
            + runs.kept() + " kept for now; " + deletedTenants.deleted() + " run(s) of deleted tenants purged, "
            + deletedTenants.kept() + " kept for now; " + orphans.deleted() + " older job instance(s) of no run"
            + " purged, " + orphans.kept() + " kept for now");
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Guardian history purge failed; the next one tries again", e);
    }
  }

  private void countPurged(String kind, int n) {
    var counter = metrics.counter(PURGED, new Tag("kind", kind)); // registered at zero: the series exists from the start
    if (n > 0) {
      counter.inc(n);
    }
  }

  /** Purges the runs that ended before the horizon, oldest first, up to the per-purge maximum. */
  public Purged purgeEndedBefore(Instant horizon) {
    return purgeRuns((after, size) -> store.page(horizon, foreignHorizon(horizon), thisServer.id(), after, size),
        horizon);
  }

  /** Purges the ended runs of deleted tenants, whatever their age (the tenant purge leaves them to this purge). */
  public Purged purgeRunsOfDeletedTenants() {
    var now = Instant.now();
    return purgeRuns((after, size) -> store.pageOfDeletedTenants(foreignHorizon(now), thisServer.id(), after, size),
        now);
  }

  /** Another server's runs due before this are purged here (from the repository only): that server let them be. */
  private Instant foreignHorizon(Instant horizon) {
    return horizon.minus(Duration.ofDays(foreignGraceDays));
  }

  private Purged purgeRuns(BiFunction<ExpiredRun, Integer, List<ExpiredRun>> pages, Instant endedBefore) {
    int deleted = 0;
    int kept = 0;
    ExpiredRun after = null;
    while (deleted < maxRuns && deleted + kept < maxRuns * SCAN_FACTOR) {
      var page = pages.apply(after, Math.min(PAGE, maxRuns - deleted));
      if (page.isEmpty()) {
        break;
      }
      var statuses = purgeInstances(page.stream().filter(r -> r.jobInstanceId() != null)
          .map(r -> new Instance(r.jobInstanceId(), r.serverId(), r.endedAt())).toList(), endedBefore);
      var gone = page.stream()
          .filter(r -> r.jobInstanceId() == null || statuses.get(r.jobInstanceId()).purged())
          .map(ExpiredRun::id).toList();
      deleted += store.delete(gone, endedBefore);
      kept += page.size() - gone.size();
      after = page.get(page.size() - 1);
    }
    return new Purged(deleted, kept);
  }

  /**
   * Purges the Guardian's job instances that no run names and that were last updated before the horizon (a run whose
   * server died before it recorded its instance, or rows deleted by hand).
   */
  public Purged purgeOrphansBefore(Instant horizon) {
    int purged = 0;
    int kept = 0;
    long after = 0;
    while (purged < maxRuns && purged + kept < maxRuns * SCAN_FACTOR) {
      var page = store.orphanInstances(horizon, foreignHorizon(horizon), thisServer.id(), after,
          Math.min(PAGE, maxRuns - purged));
      if (page.isEmpty()) {
        break;
      }
      var statuses = purgeInstances(page.stream().map(o -> new Instance(o.id(), o.serverId(), o.updatedAt()))
          .toList(), horizon);
      int gone = (int) page.stream().filter(o -> statuses.get(o.id()).purged()).count();
      purged += gone;
      kept += page.size() - gone;
      after = page.get(page.size() - 1).id();
    }
    return new Purged(purged, kept);
  }

  /** A job instance to purge: the server that ran it, and since when it is due (ended, or last updated). */
  private record Instance(long id, String serverId, Instant dueSince) {}

  /**
   * Purges the instances this server ran, with their job logs. Another server's are left to that server's own purge
   * (NOT_LOCAL) until they are the grace past the horizon; then they are purged from the job repository only.
   */
  private Map<Long, PurgeStatus> purgeInstances(List<Instance> instances, Instant horizon) {
    var foreignHorizon = foreignHorizon(horizon);
    var ranHere = instances.stream().collect(Collectors.partitioningBy(i -> thisServer.ran(i.serverId())));
    var statuses = purgeOwn(ranHere.get(true).stream().map(Instance::id).toList());
    var foreign = ranHere.get(false);
    var abandoned = foreign.stream().filter(i -> i.dueSince().isBefore(foreignHorizon)).map(Instance::id).toList();
    foreign.forEach(i -> statuses.put(i.id(), PurgeStatus.NOT_LOCAL));
    if (!abandoned.isEmpty()) {
      LOG.warning("Job instance(s) " + abandoned + " ran on another server that has not purged them "
          + foreignGraceDays + " days after they were due; they are purged from the job repository only (their job"
          + " logs stay under that server's logs/joblogs)");
      statuses.putAll(purge.purge(abandoned, true));
    }
    store.stillInJobRepository(withStatus(statuses, PurgeStatus.GONE))
        .forEach(id -> statuses.put(id, PurgeStatus.NOT_ANSWERED));
    return statuses;
  }

  private Map<Long, PurgeStatus> purgeOwn(List<Long> instanceIds) {
    var statuses = purge.purge(instanceIds, false);
    var failed = withStatus(statuses, PurgeStatus.FAILED);
    if (!failed.isEmpty()) {
      LOG.warning("The job logs of job instance(s) " + failed + " could not all be deleted; their rows are purged"
          + " from the job repository and the files stay under logs/joblogs");
      statuses.putAll(purge.purge(failed, true));
    }
    return statuses;
  }

  private static List<Long> withStatus(Map<Long, PurgeStatus> statuses, PurgeStatus status) {
    return statuses.entrySet().stream().filter(e -> e.getValue() == status).map(Map.Entry::getKey).toList();
  }
}
