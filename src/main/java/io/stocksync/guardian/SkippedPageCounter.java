package io.stocksync.guardian;

import jakarta.batch.api.chunk.listener.SkipProcessListener;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.logging.Logger;

/** A page whose channel read failed (a skippable exception) counts as skipped, in the chunk's transaction. */
@Named
@Dependent
public class SkippedPageCounter implements SkipProcessListener {

  private static final Logger LOG = Logger.getLogger(SkippedPageCounter.class.getName());

  @Inject
  StepContext step;

  @Inject
  GuardianRuns runs;

  @Override
  public void onSkipProcessItem(Object item, Exception e) {
    int size = ((MappingPage) item).rows().size();
    var partition = GuardianPartition.of(step);
    LOG.info(() -> "Guardian run " + partition.runId() + " skipped " + size + " mappings of channel "
        + partition.channel() + ": " + e);
    runs.addCounts(partition.runId(), partition.channel(), new Tally(0, 0, 0, 0, size, 0));
  }
}
