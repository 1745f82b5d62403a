package io.stocksync.guardian;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.UUID;

/**
 * Ties each job execution to its guardian_run row. The first execution finds the row by the runId job parameter
 * (the launcher claimed it) or, when ops submitted the job through /ibm/api/batch with only a tenantId, claims one
 * itself. A restart brings new job parameters, so later executions find the row by job instance id. Taking the
 * tenant's active place fails (unique index) while another run of the tenant is under way: never two at once.
 */
@Named
@Dependent
public class RunLifecycle extends AbstractJobListener {

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

  @Override
  public void beforeJob() {
    long instance = job.getInstanceId();
    UUID run = runs.byInstance(instance).map(RunRef::runId).orElseGet(() -> firstExecution(instance));
    runs.executionStarted(run, job.getExecutionId());
  }

  @Override
  public void afterJob() {
    runs.byInstance(job.getInstanceId()).ifPresent(r -> {
      runs.summarize(r.runId());
      runs.executionEnded(r.runId(), job.getExecutionId());
    });
  }

  private UUID firstExecution(long instance) {
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
    return run;
  }
}
