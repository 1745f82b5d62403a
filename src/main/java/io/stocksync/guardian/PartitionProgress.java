package io.stocksync.guardian;

import jakarta.batch.api.partition.PartitionCollector;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.UUID;

/**
 * Tells the main thread, after each chunk of a partition, that the partition's committed counts moved. The counts
 * themselves travel through the database (written with the checkpoint), so none is lost or doubled by a restart.
 */
@Named
@Dependent
public class PartitionProgress implements PartitionCollector {

  @Inject
  GuardianPartition partition;

  @Override
  public Serializable collectPartitionData() {
    return partition.channelId().map(UUID::toString).orElse("");
  }
}
