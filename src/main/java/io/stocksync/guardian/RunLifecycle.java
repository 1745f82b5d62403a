package io.stocksync.guardian;

import io.stocksync.platform.jobs.BatchIdentity;
import io.stocksync.platform.request.RequestId;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Ties each job execution to its guardian_run row. The first execution finds the row by the runId job parameter
 * (the launcher claimed it) or, when ops submitted the job through /ibm/api/batch with only a tenantId, claims one
 * itself. A restart brings new job parameters, so later executions find the row by job instance id. Taking the
 * tenant's active place fails (unique index) while another run of the tenant is under way: never two at once.
 */
@Named
@Dependent
public class RunLifecycle extends AbstractJobListener {

  private static final Logger LOG = Logger.getLogger(RunLifecycle.class.getName());

  @Inject
  JobContext job;

  @Inject
  @BatchProperty
  String runId;

  @Inject
  @BatchProperty
  String tenantId;

  @Inject
  GuardianRuns runs;

  @Inject
  RunDispatcher dispatcher;

  @Inject
  GuardianMetrics metrics;

  @Inject
  BatchIdentity identity;

  // The same listener instance sees beforeJob and afterJob of one execution.
  private long startedNanos;

  @Override
  public void beforeJob() {
    startedNanos = System.nanoTime();
    long instance = job.getInstanceId();
    RunRef run = runs.byInstance(instance).orElseGet(() -> firstExecution(instance));
    RequestId.bindUntilCleared(GuardianRuns.requestId(run.runId()), run.tenantId());
    try {
      runs.executionStarted(run.runId(), job.getExecutionId());
    } catch (RuntimeException e) {
      RequestId.clear();
      throw e;
    }
  }

  @Override
  public void afterJob() {
    try {
      runs.byInstance(job.getInstanceId()).ifPresent(r -> {
        // Measured and logged before the run reads ENDED, so that whoever sees it ended sees its metrics too.
        var took = Duration.ofNanos(System.nanoTime() - startedNanos);
        String outcome = outcome();
        metrics.runEnded(outcome, took);
        LOG.info(() -> "Guardian run " + r.runId() + " execution " + job.getExecutionId() + " ended " + outcome
            + " after " + took.toMillis() + " ms");
        runs.executionEnded(r.runId(), job.getExecutionId());
        dispatcher.ended(r.runId());
      });
    } finally {
      RequestId.clear();
    }
  }

  /** The step's batch status: the job's own (JobContext) still reads STARTED while its listeners run. */
  private String outcome() {
    try {
      var status = identity.firstStepStatus(job.getExecutionId());
      return status == null ? "FAILED" : status.name();
    } catch (RuntimeException e) {
      return "UNKNOWN";
    }
  }

  private RunRef firstExecution(long instance) {
    UUID run;
    if (runId != null && !runId.isBlank()) {
      run = UUID.fromString(runId);
    } else if (tenantId != null && !tenantId.isBlank()) {
      run = runs.claimNow(UUID.fromString(tenantId), "OPS", "batch-rest-admin").orElseThrow(
          () -> new IllegalStateException("tenant " + tenantId + " already has a Guardian run under way"));
    } else {
      throw new IllegalArgumentException("job parameter tenantId is required");
    }
    if (!runs.link(run, instance)) {
      throw new IllegalStateException("no claimed Guardian run " + run);
    }
    return runs.byInstance(instance).orElseThrow();
  }
}
