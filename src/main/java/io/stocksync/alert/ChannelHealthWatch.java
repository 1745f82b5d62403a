package io.stocksync.alert;

import io.stocksync.sync.PushesSettled;
import io.stocksync.sync.PushesSettled.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * CHANNEL_DOWN when a channel refuses our credentials (401/403) or its circuit breaker is open; SYNC_FAILURE when
 * the share of failed push attempts over a sliding window reaches the limit. Both resolve on their own once the
 * channel takes pushes again (and, for SYNC_FAILURE, the window's failure rate is back under the limit).
 */
@ApplicationScoped
public class ChannelHealthWatch {

  @PersistenceContext(unitName = "stocksync")
  EntityManager em;

  @Inject
  AlertStore alerts;

  @Inject
  @ConfigProperty(name = "stocksync.alerts.sync-failure.window-seconds", defaultValue = "900")
  int windowSeconds;

  @Inject
  @ConfigProperty(name = "stocksync.alerts.sync-failure.rate", defaultValue = "0.5")
  double failureRate;

  @Inject
  @ConfigProperty(name = "stocksync.alerts.sync-failure.min-attempts", defaultValue = "10")
  int minAttempts;

  @Transactional
  void onSettled(@Observes PushesSettled settled) {
    String down = "channel-down:" + settled.channelId();
    String failing = "sync-failure:" + settled.channelId();
    // After a good push (the usual case) one read finds that nothing is open and nothing else is done.
    var open = alerts.openKeys(settled.tenantId(), List.of(down, failing));
    if (settled.refusal() == Refusal.CREDENTIALS_REJECTED || settled.refusal() == Refusal.BREAKER_OPEN) {
      alerts.raise(settled.tenantId(), AlertType.CHANNEL_DOWN, "CRITICAL", down, null, settled.channelId(),
          settled.channelType() + " channel " + (settled.refusal() == Refusal.BREAKER_OPEN
              ? "is not answering (circuit breaker open)" : "refuses our credentials (401/403)"));
    } else if (settled.pushed() > 0 && open.contains(down)) {
      alerts.resolve(settled.tenantId(), down);
    }
    if (settled.failed() > 0 || open.contains(failing)) {
      var window = failureShare(settled);
      if (window[1] >= minAttempts && (double) window[0] / window[1] >= failureRate) {
        alerts.raise(settled.tenantId(), AlertType.SYNC_FAILURE, "WARNING", failing, null, settled.channelId(),
            window[0] + " of the last " + window[1] + " pushes to this " + settled.channelType() + " channel failed"
                + " within " + windowSeconds + " s");
      } else if (settled.pushed() > 0) {
        alerts.resolve(settled.tenantId(), failing);
      }
    }
  }

  /** Failed (or parked) attempts and all attempts to this channel within the window. */
  private long[] failureShare(PushesSettled settled) {
    Object[] r = (Object[]) em.createNativeQuery("SELECT count(*) FILTER (WHERE e.outcome IN ('FAILED', 'PARKED')),"
            + " count(*) FROM sync_event e JOIN channel_mapping m ON m.id = e.mapping_id WHERE e.tenant_id = ?"
            + " AND e.outcome <> 'SKIPPED'"
            + " AND m.channel_id = ? AND e.created_at > now() - make_interval(secs => ?)")
        .setParameter(1, settled.tenantId()).setParameter(2, settled.channelId()).setParameter(3, windowSeconds)
        .getSingleResult();
    return new long[] {((Number) r[0]).longValue(), ((Number) r[1]).longValue()};
  }
}
