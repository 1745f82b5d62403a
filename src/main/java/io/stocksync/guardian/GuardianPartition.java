package io.stocksync.guardian;

import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

/**
 * What a partition of the reconcile step works on: the step's properties, which the job XML fills from the
 * partition plan ({@link ChannelPartitionMapper}); the step's artifacts inject it. The values are declared once on
 * the step rather than on each artifact because Liberty writes every partition's resolved step into the job log:
 * the per-artifact copies doubled what each partition of each run marshalled and wrote there.
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

  /** Made for each artifact when Liberty creates it, on its partition's thread, like a batch property. */
  @Dependent
  static class Producer {

    @Produces
    @Dependent
    GuardianPartition current(StepContext step) {
      return of(step);
    }
  }
}
