package io.stocksync.guardian;

import io.stocksync.platform.jobs.BatchIdentity;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Ends the runs whose execution ended without their job listener hearing of it. That happens when a server is
 * killed mid-run: when it starts again, Liberty's batch recovery marks the executions it had in flight FAILED, but
 * no listener runs for them, so their guardian_run rows still read RUNNING and hold their tenants' places until the
 * run lease (30 minutes without progress) would call them lost. Here they end at the next schedule tick after the
 * recovery, with the counts their partitions committed, and ops can restart them from their checkpoints at once
 * (on any server). A server that never comes back leaves its executions STARTED: those runs are the lease's.
 */
@ApplicationScoped
public class SilentlyEndedRuns {

  private static final Logger LOG = Logger.getLogger(SilentlyEndedRuns.class.getName());
  private static final Set<BatchStatus> ENDED = EnumSet.of(BatchStatus.COMPLETED, BatchStatus.FAILED,
      BatchStatus.STOPPED, BatchStatus.ABANDONED);
  /** Younger runs are left alone: almost all of them are alive, and asking costs a repository read each. */
  private static final int MIN_AGE_SECONDS = 30;

  @Inject
  GuardianRuns runs;

  @Inject
  BatchIdentity identity;

  /** Ends every such run. */
  public void end() {
    for (var run : runs.runningLongerThan(MIN_AGE_SECONDS).entrySet()) {
      var status = statusOf(run.getValue());
      if (status != null && ENDED.contains(status)) {
        // Liberty writes the final status after the job's listeners ran: a run ending normally is already ENDED.
        runs.executionEnded(run.getKey(), run.getValue());
        LOG.warning("Guardian run " + run.getKey() + ": execution " + run.getValue() + " ended " + status
            + " without its listener (its server stopped mid-run); the run is ended and can be restarted");
      }
    }
  }

  private BatchStatus statusOf(long executionId) {
    try {
      return identity.call(() -> BatchRuntime.getJobOperator().getJobExecution(executionId).getBatchStatus());
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "execution " + executionId + " not readable now", e);
      return null;
    }
  }
}
