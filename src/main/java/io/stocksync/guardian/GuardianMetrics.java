package io.stocksync.guardian;

import io.stocksync.channel.ChannelType;
import io.stocksync.platform.metrics.MetricHandles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The Guardian's metrics, tagged by channel type, action and outcome only (bounded cardinality: never by tenant,
 * channel or run). Prometheus: {@code stocksync_guardian_run_seconds{outcome}} (timer),
 * {@code stocksync_guardian_checks_total{channel_type}}, {@code stocksync_guardian_drift_found_total{channel_type,
 * action}}, {@code stocksync_guardian_drift_repaired_total{channel_type,outcome}},
 * {@code stocksync_guardian_drift_alerted_total{channel_type}}. Counted when a chunk is written: a chunk rolled back
 * and retried counts again, so they measure work done, while the run summary counts each mapping once.
 */
@ApplicationScoped
public class GuardianMetrics {

  @Inject
  MetricHandles metrics;

  /** A run's execution ended with this batch status (COMPLETED, FAILED, STOPPED) after this long. */
  void runEnded(String batchStatus, Duration took) {
    metrics.timer("stocksync_guardian_run", new Tag("outcome", batchStatus)).update(took);
  }

  /** A chunk's checks and what was done about them. */
  void chunkWritten(ChannelType type, ChunkPlan plan, Tally pushed) {
    var channelType = new Tag("channel_type", type.name());
    add("stocksync_guardian_checks", plan.tally().checked(), channelType);
    add("stocksync_guardian_drift_found", plan.repair().size(), channelType, new Tag("action", "repair"));
    add("stocksync_guardian_drift_found", plan.alert().size(), channelType, new Tag("action", "alert"));
    add("stocksync_guardian_drift_found", plan.await().size(), channelType, new Tag("action", "await_second_read"));
    add("stocksync_guardian_drift_repaired", pushed.repaired(), channelType, new Tag("outcome", "pushed"));
    add("stocksync_guardian_drift_repaired", pushed.failed(), channelType, new Tag("outcome", "failed"));
    add("stocksync_guardian_drift_repaired", pushed.skipped(), channelType, new Tag("outcome", "conflict"));
    add("stocksync_guardian_drift_alerted", plan.alert().size(), channelType);
  }

  private void add(String name, long n, Tag... tags) {
    // Registered even at zero, so that every series exists from the first chunk on (rate() needs a start).
    var counter = metrics.counter(name, tags);
    if (n > 0) {
      counter.inc(n);
    }
  }
}
