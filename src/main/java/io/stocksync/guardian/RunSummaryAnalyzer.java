package io.stocksync.guardian;

import jakarta.batch.api.partition.AbstractPartitionAnalyzer;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.UUID;

/**
 * Builds the run summary on the main thread as partitions report progress and end: the sum of every partition's
 * committed counts, including partitions finished by an earlier execution of a restarted run.
 */
@Named
@Dependent
public class RunSummaryAnalyzer extends AbstractPartitionAnalyzer {

  @Inject
  JobContext job;

  @Inject
  GuardianRuns runs;

  private UUID runId;

  @Override
  public void analyzeCollectorData(Serializable data) {
    summarize();
  }

  @Override
  public void analyzeStatus(BatchStatus batchStatus, String exitStatus) {
    summarize();
  }

  private void summarize() {
    if (runId == null) {
      runId = runs.byInstance(job.getInstanceId()).map(RunRef::runId).orElse(null);
    }
    if (runId != null) {
      runs.summarize(runId);
    }
  }
}
