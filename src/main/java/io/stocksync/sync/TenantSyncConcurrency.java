package io.stocksync.sync;

import io.stocksync.platform.metrics.MetricHandles;
import io.stocksync.tenant.TierLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Enforces the tier's sync concurrency: how many of a tenant's channels this server pushes to at once. Without it
 * a tenant with many channels could hold every Sync session (one per channel group) while the other tenants'
 * wake-ups queued. A channel refused a slot is not polled: its wake-up is acknowledged, the channel waits here,
 * and the push that frees a slot wakes it. Should that wake-up be lost, its flags are older than two seconds by
 * the next retry sweep ({@link PushRetryScheduler}), which wakes the channel again. The limit holds per server.
 */
@ApplicationScoped
public class TenantSyncConcurrency {

  private static final Logger LOG = Logger.getLogger(TenantSyncConcurrency.class.getName());

  @Inject
  TierLimits tiers;

  @Inject
  SyncRequests requests;

  @Inject
  MetricHandles metrics;

  private final PushSlots slots = new PushSlots();

  /** Runs the channel's push if the tenant has a slot free; else the channel waits for one. */
  public void pushWithinLimit(UUID tenantId, UUID channelId, Runnable push) {
    if (!slots.tryTake(tenantId, channelId, tiers.tier(tenantId).syncConcurrency())) {
      metrics.counter("stocksync_sync_waits").inc();
      return;
    }
    try {
      push.run();
    } finally {
      slots.release(tenantId).ifPresent(next -> wake(tenantId, next));
    }
  }

  private void wake(UUID tenantId, UUID channelId) {
    try {
      requests.wake(tenantId, channelId);
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "waiting channel " + channelId + " not woken now; the retry sweep will: " + e);
    }
  }
}
