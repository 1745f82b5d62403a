package io.stocksync.guardian;

import io.stocksync.platform.request.RequestId;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.listener.StepListener;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Gives a partition's thread the run's request id ("guardian:&lt;run id&gt;") and tenant id for its log records, as
 * REST and JMS work has, and takes them away when the partition ends (the thread goes back to Liberty's pool). The
 * step's listeners also run on the job's own thread, where the partition plan does not resolve (the property holds
 * the unresolved expression): there the job listener (RunLifecycle) has bound them already, and this one leaves
 * them alone.
 */
@Named
@Dependent
public class PartitionLogContext implements StepListener {

  private static final Logger LOG = Logger.getLogger(PartitionLogContext.class.getName());

  @Inject
  @BatchProperty
  String runId;

  @Inject
  @BatchProperty
  String tenantId;

  @Inject
  @BatchProperty
  String channelId;

  @Inject
  StepContext step;

  private boolean bound;

  @Override
  public void beforeStep() {
    if (isUuid(runId) && isUuid(tenantId)) {
      RequestId.bindUntilCleared(GuardianRuns.requestId(UUID.fromString(runId)), UUID.fromString(tenantId));
      bound = true;
    }
  }

  @Override
  public void afterStep() {
    if (!bound) {
      return;
    }
    try {
      LOG.info(() -> "Guardian run " + runId + ": partition of channel " + channelId + " ended, "
          + count(Metric.MetricType.READ_COUNT) + " pages read, " + count(Metric.MetricType.COMMIT_COUNT)
          + " chunks committed, " + count(Metric.MetricType.PROCESS_SKIP_COUNT) + " pages skipped");
    } finally {
      RequestId.clear();
      bound = false;
    }
  }

  private static boolean isUuid(String value) {
    return value != null && value.matches("[0-9a-fA-F-]{36}");
  }

  private long count(Metric.MetricType type) {
    return Arrays.stream(step.getMetrics()).filter(m -> m.getType() == type).mapToLong(Metric::getValue).sum();
  }
}
