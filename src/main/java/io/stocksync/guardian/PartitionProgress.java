package io.stocksync.guardian;

import jakarta.batch.api.partition.PartitionCollector;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * Tells the main thread, after each chunk of a partition, that the partition's committed counts moved. The counts
 * themselves travel through the database (written with the checkpoint), so none is lost or doubled by a restart.
 */
@Named
@Dependent
public class PartitionProgress implements PartitionCollector {

  @Inject
  StepContext step;

  @Override
  public Serializable collectPartitionData() {
    return step.getProperties().getProperty("channelId");
  }
}
