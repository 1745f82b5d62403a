package io.stocksync.guardian;

import io.stocksync.alert.AlertStore;
import io.stocksync.alert.AlertType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * DRIFT alerts, one open alert per mapping, through the Alert worker's store: raising conflicts with the open one
 * (so a re-read chunk or the next run raises nothing twice), a mapping found in sync or repaired resolves it, and
 * both notify the tenant like every other alert.
 */
@ApplicationScoped
public class DriftAlerts {

  @Inject
  AlertStore alerts;

  static String key(UUID mappingId) {
    return "DRIFT:" + mappingId;
  }

  public void raise(UUID tenantId, UUID channelId, List<DriftCheck> checks, int threshold) {
    for (var check : checks) {
      alerts.raise(tenantId, AlertType.DRIFT, "WARNING", key(check.mapping().mappingId()),
          check.mapping().productId(), channelId, "channel item " + check.mapping().externalId() + " shows "
              + check.observed() + ", expected " + check.expected() + " (drift " + check.drift()
              + ", beyond the threshold of " + threshold + "): left for a human");
    }
  }

  public void resolve(UUID tenantId, Collection<UUID> mappingIds) {
    alerts.resolveAll(tenantId, mappingIds.stream().map(DriftAlerts::key).toList());
  }
}
