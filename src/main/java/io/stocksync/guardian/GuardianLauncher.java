package io.stocksync.guardian;

import jakarta.batch.runtime.BatchRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Properties;
import java.util.UUID;

/** Starts a claimed run as a job execution of guardian-reconcile; a start that fails gives the claim back. */
@ApplicationScoped
public class GuardianLauncher {

  public static final String JOB = "guardian-reconcile";

  @Inject
  GuardianRuns runs;

  @Inject
  GuardianIdentity identity;

  /** Answers the job execution id. */
  public long start(UUID runId, UUID tenantId) {
    var params = new Properties();
    params.setProperty("tenantId", tenantId.toString());
    params.setProperty("runId", runId.toString());
    try {
      return identity.call(() -> BatchRuntime.getJobOperator().start(JOB, params));
    } catch (RuntimeException e) {
      runs.release(runId, "job start failed: " + e);
      throw e;
    }
  }
}
