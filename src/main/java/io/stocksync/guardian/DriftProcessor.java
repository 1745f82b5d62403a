package io.stocksync.guardian;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Optional;

/**
 * Checks a page of mappings with ONE bulk read of the channel (through the same fault-tolerant StockWriter as
 * Sync) and decides each mapping's verdict. Nothing is written here; a channel that cannot be read throws, and the
 * job XML declares those exceptions skippable (the page is counted skipped and checked again next run).
 */
@Named
@Dependent
public class DriftProcessor implements ItemProcessor {

  @Inject
  StepContext step;

  @Inject
  @BatchProperty
  String failOnExternalId;

  @Inject
  ChannelClients clients;

  private GuardianPartition partition;
  private Optional<ChannelClient> client;

  @Override
  public CheckedPage processItem(Object item) {
    var page = (MappingPage) item;
    if (failOnExternalId != null && !failOnExternalId.isBlank()
        && page.rows().stream().anyMatch(r -> r.externalId().equals(failOnExternalId))) {
      throw new GuardianForcedFailure(failOnExternalId);
    }
    if (client == null) {
      partition = GuardianPartition.of(step);
      client = clients.of(partition.tenantId(), partition.channel());
    }
    if (client.isEmpty()) {
      return CheckedPage.skippedWhole(page.rows().size(), "channel gone or its type has no stock writer");
    }
    var ids = page.rows().stream().map(MappingRow::externalId).toList();
    var levels = client.get().writer().read(client.get().endpoint(), ids);
    return new CheckedPage(DriftChecks.of(page, levels, partition.runId(), partition.driftThreshold()),
        0, null);
  }
}
