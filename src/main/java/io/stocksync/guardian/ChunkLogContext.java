package io.stocksync.guardian;

import io.stocksync.platform.request.RequestId;
import jakarta.batch.api.chunk.listener.ChunkListener;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Gives a partition's thread the run's request id ("guardian:&lt;run id&gt;") and tenant id for its log records while
 * it works on a chunk (read, check, repair), as REST and JMS work has, and takes them away after the chunk (the
 * thread goes back to Liberty's pool). A chunk listener, not a step listener: Liberty calls a partitioned step's
 * step listeners on the job's thread only.
 */
@Named
@Dependent
public class ChunkLogContext implements ChunkListener {

  @Inject
  StepContext step;

  private GuardianPartition partition;

  @Override
  public void beforeChunk() {
    if (partition == null) {
      partition = GuardianPartition.of(step);
    }
    RequestId.bindUntilCleared(GuardianRuns.requestId(partition.runId()), partition.tenantId());
  }

  @Override
  public void onError(Exception ex) {
    RequestId.clear();
  }

  @Override
  public void afterChunk() {
    RequestId.clear();
  }
}
