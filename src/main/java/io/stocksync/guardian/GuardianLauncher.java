package io.stocksync.guardian;

import io.stocksync.platform.jobs.BatchIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;

/** Starts a claimed run as a job execution of guardian-reconcile; a start that fails gives the claim back. */
@ApplicationScoped
public class GuardianLauncher {

  public static final String JOB = "guardian-reconcile";

  @Inject
  GuardianRuns runs;

  @Inject
  BatchIdentity identity;

  /** Answers the job execution id. */
  public long start(UUID runId, UUID tenantId) {
    try {
      return identity.start(JOB, Map.of("tenantId", tenantId.toString(), "runId", runId.toString()));
    } catch (RuntimeException e) {
      runs.release(runId, "job start failed: " + e);
      throw e;
    }
  }
}
