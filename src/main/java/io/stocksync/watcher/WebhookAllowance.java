package io.stocksync.watcher;

import io.stocksync.platform.schedule.Periodic;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The tier's webhooks per minute. Counted per tenant and minute of the database's clock, so the limit holds however
 * many servers run; the count is written in the Watcher's transaction, so a batch that rolls back takes nothing
 * from the allowance.
 */
@ApplicationScoped
public class WebhookAllowance {

  private static final String OFFER = "INSERT INTO webhook_rate_window AS w (tenant_id, window_start, offered,"
      + " window_limit) VALUES (?, date_trunc('minute', now()), ?, ?) ON CONFLICT (tenant_id, window_start)"
      + " DO UPDATE SET offered = w.offered + EXCLUDED.offered, window_limit = EXCLUDED.window_limit"
      + " RETURNING offered, window_start + interval '1 minute'";

  private static final Logger LOG = Logger.getLogger(WebhookAllowance.class.getName());
  private static final long PRUNE_SECONDS = 600;

  @PersistenceContext(unitName = "stocksync")
  EntityManager em;

  @Inject
  Periodic periodic;

  @Inject
  WebhookAllowance self;

  private final UsedUpMinutes usedUp = new UsedUpMinutes();

  /** What the Watcher may take of a batch now. */
  public record Grant(int granted, boolean crossedLimit) {}

  /** Counts {@code wanted} deliveries as offered this minute; answers how many of them may be processed now. */
  public Grant offer(UUID tenantId, int wanted, int perMinute) {
    Object[] r = (Object[]) em.createNativeQuery(OFFER).setParameter(1, tenantId).setParameter(2, wanted)
        .setParameter(3, perMinute).setFlushMode(FlushModeType.COMMIT).getSingleResult();
    int offered = ((Number) r[0]).intValue();
    var grant = grant(offered - wanted, wanted, perMinute);
    if (grant.granted() < wanted) {
      usedUp.remember(tenantId, ((Timestamp) r[1]).toInstant());
    }
    return grant;
  }

  /** Whether this server saw the tenant's current minute used up. */
  public boolean usedUp(UUID tenantId) {
    return usedUp.isUsedUp(tenantId, Instant.now());
  }

  /** Deliveries deferred in the tenant's used-up minute, told after their transaction committed. */
  public void deferred(UUID tenantId, List<Long> deliveryIds) {
    if (!deliveryIds.isEmpty()) {
      usedUp.deferred(tenantId, deliveryIds, Instant.now());
    }
  }

  /** Whether this server deferred the delivery in the tenant's current minute: its message has nothing to do. */
  public boolean alreadyDeferred(UUID tenantId, long deliveryId) {
    return usedUp.wasDeferred(tenantId, deliveryId, Instant.now());
  }

  void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    periodic.every(PRUNE_SECONDS, this::prune);
  }

  private void prune() {
    usedUp.forgetEnded(Instant.now());
    try {
      self.deleteOldWindows();
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "old webhook rate windows not deleted this time: " + e.getMessage());
    }
  }

  /** Forgets minutes older than an hour. */
  @Transactional
  public void deleteOldWindows() {
    em.createNativeQuery("DELETE FROM webhook_rate_window WHERE window_start < now() - interval '1 hour'")
        .executeUpdate();
  }

  /** offeredBefore: deliveries offered earlier in this minute, deferred ones included. */
  static Grant grant(int offeredBefore, int wanted, int perMinute) {
    int granted = Math.max(0, Math.min(wanted, perMinute - offeredBefore));
    return new Grant(granted, granted < wanted && offeredBefore <= perMinute);
  }
}
