package io.stocksync.guardian;

import jakarta.batch.runtime.context.StepContext;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

/**
 * What a partition of the reconcile step works on: the step's properties, which the job XML fills from the
 * partition plan ({@link ChannelPartitionMapper}). They are declared once on the step rather than on each artifact
 * because Liberty writes every partition's resolved step into the job log: the per-artifact copies doubled what
 * each partition of each run marshalled and wrote there. Artifacts read it when first used, not when injected:
 * Liberty also creates the step's listeners on the job's own thread, where the partition plan's values are empty.
 */
record GuardianPartition(UUID tenantId, Optional<UUID> channelId, UUID runId, int driftThreshold) {

  static GuardianPartition of(StepContext step) {
    Properties p = step.getProperties();
    String channel = p.getProperty("channelId", "");
    return new GuardianPartition(UUID.fromString(p.getProperty("tenantId")),
        channel.isBlank() ? Optional.empty() : Optional.of(UUID.fromString(channel)),
        UUID.fromString(p.getProperty("runId")), Integer.parseInt(p.getProperty("driftThreshold")));
  }

  /** The channel; only asked for once a page was read, which needs a channel. */
  UUID channel() {
    return channelId.orElseThrow(() -> new IllegalStateException("partition without a channel"));
  }
}
